package com.fortinet.marketplace.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright (Playwright can't download its own browser here). One browser per test
 * class; each {@link #signIn} gets a fresh context, so sessions don't leak between users.
 */
public class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Paths.get("target/screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String base;

    public Browser(int port) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync"));
        if (Files.isExecutable(CHROMIUM)) {
            options.setExecutablePath(CHROMIUM);
        }
        this.browser = playwright.chromium().launch(options);
        // Assertions retry until this long; htmx swaps on a loaded two-core CI machine can take more than the 5 s default.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        this.base = "http://localhost:" + port;
    }

    public Page newPage() {
        return newPage(1280, 900);
    }

    public Page newPage(int width, int height) {
        Page page = browser.newContext(new NewContextOptions().setViewportSize(width, height).setBaseURL(base)).newPage();
        page.setDefaultTimeout(15_000);
        return page;
    }

    public Page signIn(String email) {
        return signIn(newPage(), email, "demo");
    }

    public Page signIn(Page page, String email, String password) {
        go(page, "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        String loginPage = page.url();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        // Success and failure both end on a new URL (home, or /login?error=…); until then the old page looks ready.
        page.waitForURL(url -> !url.equals(loginPage));
        return ready(page);
    }

    /** Opens a path and waits until the page can be used ({@link #ready}). */
    public static Page go(Page page, String path) {
        page.navigate(path);
        return ready(page);
    }

    /**
     * Waits until the current document's scripts are initialised (htmx has processed the page, portal.js's handlers
     * are attached) and no htmx request is in flight. Call it after a page loads and after an action that starts an
     * htmx request, before the next action: an event fired earlier is lost, and an element about to be swapped is
     * stale. After a click that navigates, first assert something of the new page, then call this.
     */
    public static Page ready(Page page) {
        page.locator("html[data-portal-ready]:not([data-htmx-busy])")
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(30_000));
        return page;
    }

    public static Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
