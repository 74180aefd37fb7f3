import { fireEvent, render, screen } from '@testing-library/react';
import { AddressForm } from '@/components/AddressForm';
import { AddressErrors } from '@domain/address';
import { scrollToId } from '@/platform/scroll';

// jsdom has no layout to scroll: the test checks which field the form asked to bring into view.
jest.mock('@/platform/scroll', () => ({ scrollToId: jest.fn() }));

const field = (placeholder: string) => screen.getByPlaceholderText(placeholder);
const type = (placeholder: string, value: string) => fireEvent.input(field(placeholder), { target: { value } });
const leave = (placeholder: string) => fireEvent.blur(field(placeholder));

const fillValid = () => {
  type('收货人姓名', ' 张三 ');
  type('11位手机号码', '+86 138-1234-5678');
  type('省份', '广东省');
  type('城市', '广州市');
  type('区县', '天河区');
  type('街道、楼栋、门牌号', '体育西路 1 号 2 栋 301');
};

describe('AddressForm', () => {
  test('submitting an empty form shows every field message in Chinese and submits nothing', () => {
    const onSubmit = jest.fn();
    render(<AddressForm onSubmit={onSubmit} submitText='使用该地址' />);
    expect(screen.queryByTestId(/address-error-/)).toBeNull();

    fireEvent.click(screen.getByText('使用该地址'));

    expect(screen.getByTestId('address-error-userName')).toHaveTextContent(AddressErrors.INVALID_NAME.message);
    expect(screen.getByTestId('address-error-telNumber')).toHaveTextContent(AddressErrors.INVALID_PHONE.message);
    expect(screen.getByTestId('address-error-provinceName')).toHaveTextContent('请选择省份');
    expect(screen.getByTestId('address-error-cityName')).toHaveTextContent('请选择城市');
    expect(screen.getByTestId('address-error-countyName')).toHaveTextContent('请选择区县');
    expect(screen.getByTestId('address-error-detailInfo')).toHaveTextContent(AddressErrors.INVALID_DETAIL.message);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test('a refused submit brings the first refused field into view; fixed fields lose their message at once', () => {
    jest.mocked(scrollToId).mockClear();
    render(<AddressForm onSubmit={jest.fn()} submitText='使用该地址' />);
    type('收货人姓名', '张三');
    type('11位手机号码', '13812345678');
    fireEvent.click(screen.getByText('使用该地址'));
    expect(scrollToId).toHaveBeenCalledWith('address-field-region');
    expect(document.getElementById('address-field-region')).toContainElement(
      screen.getByTestId('address-error-provinceName'),
    );
    expect(screen.queryByTestId('address-error-userName')).toBeNull();

    type('省份', '广东省');
    expect(screen.queryByTestId('address-error-provinceName')).toBeNull();
  });

  test('a field shows its message once left, and it follows the typing from then on', () => {
    render(<AddressForm onSubmit={jest.fn()} />);
    type('11位手机号码', '020-81167888');
    expect(screen.queryByTestId('address-error-telNumber')).toBeNull();
    leave('11位手机号码');
    expect(screen.getByTestId('address-error-telNumber')).toHaveTextContent('请填写正确的11位手机号码（暂不支持座机）');
    // only the field that was left complains
    expect(screen.queryByTestId('address-error-userName')).toBeNull();

    type('11位手机号码', '13812345678');
    expect(screen.queryByTestId('address-error-telNumber')).toBeNull();
  });

  test.each([
    ['收货人姓名', '这个名字一共有二十一个字这个名字一共有二十一', 'userName', AddressErrors.INVALID_NAME.message],
    ['11位手机号码', '1381234567', 'telNumber', AddressErrors.INVALID_PHONE.message],
    ['11位手机号码', '12812345678', 'telNumber', AddressErrors.INVALID_PHONE.message],
    ['省份', '   ', 'provinceName', AddressErrors.INVALID_PROVINCE.message],
    ['城市', '', 'cityName', AddressErrors.INVALID_CITY.message],
    ['区县', ' ', 'countyName', AddressErrors.INVALID_COUNTY.message],
    ['街道、楼栋、门牌号', '1号', 'detailInfo', AddressErrors.INVALID_DETAIL.message],
  ])('%s = %j is refused with its own message', (placeholder, value, name, message) => {
    const onSubmit = jest.fn();
    render(<AddressForm onSubmit={onSubmit} submitText='提交' />);
    fillValid();
    type(placeholder, value);
    fireEvent.click(screen.getByText('提交'));
    expect(screen.getByTestId(`address-error-${name}`)).toHaveTextContent(message);
    expect(screen.getAllByTestId(/address-error-/)).toHaveLength(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test('a valid form submits exactly the wx.chooseAddress shape, trimmed and with the phone normalised', () => {
    const onSubmit = jest.fn();
    render(<AddressForm onSubmit={onSubmit} submitText='提交' />);
    fillValid();
    fireEvent.click(screen.getByText('提交'));
    expect(screen.queryByTestId(/address-error-/)).toBeNull();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toStrictEqual({
      userName: '张三',
      telNumber: '13812345678',
      provinceName: '广东省',
      cityName: '广州市',
      countyName: '天河区',
      detailInfo: '体育西路 1 号 2 栋 301',
    });
  });

  test('starts from a given address (postal code kept) and submits it unchanged', () => {
    const onSubmit = jest.fn();
    const saved = {
      userName: '李四',
      telNumber: '13900001111',
      provinceName: '北京市',
      cityName: '北京市',
      countyName: '朝阳区',
      detailInfo: '建国路 88 号',
      postalCode: '100022',
    };
    render(<AddressForm value={saved} onSubmit={onSubmit} submitText='提交' />);
    expect(field('收货人姓名')).toHaveAttribute('value', '李四');
    fireEvent.click(screen.getByText('提交'));
    expect(onSubmit).toHaveBeenCalledWith(saved);
  });

  test('H5 has no WeChat address book, so no 使用微信收货地址 button', () => {
    render(<AddressForm onSubmit={jest.fn()} />);
    expect(screen.queryByText('使用微信收货地址')).toBeNull();
  });

  test('while submitting the button does not submit again', () => {
    const onSubmit = jest.fn();
    render(<AddressForm onSubmit={onSubmit} submitText='提交' submitting />);
    fillValid();
    fireEvent.click(screen.getByText('提交'));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
