#!/usr/bin/env node
// Runs the compiled CLI; `npm start` and `npm test` build dist/ first.
const { main } = require('../dist/shared/cli/main.js');
main(process.argv).then((code) => process.exit(code));
