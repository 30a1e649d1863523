// html-validate's configuration for the HTML reports (`npx html-validate report/*.html` after
// `npm run demo`; test/render/html-validate.test.ts runs it on every page of the examples, for the
// client and the team). The recommended preset as it is: no rule is turned off.
export default {
  extends: ['html-validate:recommended'],
};
