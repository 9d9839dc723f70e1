// whatsapp-web.js pulls in puppeteer; never download its Chrome (no network here). Aduan uses the system Chromium.
module.exports = { skipDownload: true };
