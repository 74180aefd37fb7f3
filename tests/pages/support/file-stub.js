// Image imports resolve to their file name, enough to assert on.
module.exports = 'test-file-stub';
