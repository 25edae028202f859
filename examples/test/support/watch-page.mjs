// Shared by the end-to-end tests of the example pages: what a page reports while it runs.

/**
 * Opens a page that records its console errors, uncaught errors and Content-Security-Policy
 * violations into the given arrays (a test then asserts they stay empty).
 * @param {import('puppeteer-core').Browser} browser
 * @param {{ violations: string[], errors: string[] }} into
 */
export async function watchedPage(browser, into) {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') into.errors.push(message.text());
  });
  page.on('pageerror', (error) => into.errors.push(error.message));
  await page.exposeFunction('reportViolation', (text) => into.violations.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return page;
}
