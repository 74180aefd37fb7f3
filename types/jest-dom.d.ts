// Testing Library's DOM matchers (toBeInTheDocument, toHaveTextContent…) for the 'pages' jest project,
// which loads them in setupFilesAfterEnv.
import '@testing-library/jest-dom';
