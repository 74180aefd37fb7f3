// Styles do not matter to behaviour tests: every stylesheet import is this empty module.
module.exports = {};
