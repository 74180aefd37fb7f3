export interface Region {
  provinceName: string;
  cityName: string;
  countyName: string;
}

export interface RegionFieldProps {
  region: Region;
  onChange: (region: Region) => void;
  /** the user left one of the region fields (marks it for validation messages) */
  onBlur: (field: keyof Region) => void;
}
