import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's benchmark (issue 13): one run, side by side on this machine, prints each figure next to its anchor.
 * <ul>
 *   <li>starts the built portal jar on a fresh embedded MariaDB of its own (under {@code target/bench/}; a user's
 *   {@code ./data} is never touched) and, when a jar is given, spring-petclinic beside it;</li>
 *   <li>creates its data through the portal's API (as the demo admin): 16 customer accounts with packs, a prepaid
 *   FortiFlex program and 20 units each, their users and API keys, a partner managing them, 16 accounts for the raw
 *   transaction;</li>
 *   <li>drives load with {@code wrk} (16 connections, a warm-up, then the measured run): the main pages signed in,
 *   FortiFlex transfers and renewal orders through the API with distinct Idempotency-Keys;</li>
 *   <li>measures the raw spend transaction (lock the account row, update the pack, insert the ledger row, commit) on
 *   the same MariaDB with the same concurrency over JDBC, and PetClinic's {@code /owners/1}.</li>
 * </ul>
 * Run through {@code bench/run}, which builds the jar and puts the JDBC driver on the class path.
 */
public class Bench {

    static final String ADMIN_KEY = "demo-admin";
    static final String PASSWORD = "bench-password-1";
    static final int ACCOUNTS = 16;
    static final int UNITS = 20;

    final Path root = Path.of("").toAbsolutePath();
    final Path work = root.resolve("target/bench");
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final List<Process> started = new ArrayList<>();
    final Map<String, Double> figures = new LinkedHashMap<>();
    final List<String> lines = new ArrayList<>();

    int connections = 16;
    int seconds = 20;
    /**
     * Seconds of load before each measured run. 30 by default: with 5 s the JIT (C2) was still compiling through the
     * measured run on two cores and a transfer cost twice the portal CPU it costs warm (2.05 against 1.00 ms).
     */
    int warmup = 30;
    boolean jfr;
    Path petclinicJar;
    Path portalJar;
    String base;
    String petclinic;
    int dbPort;
    String only = "";

    public static void main(String[] args) throws Exception {
        Bench b = new Bench();
        for (String a : args) {
            if (a.startsWith("--duration=")) {
                b.seconds = Integer.parseInt(a.substring(11));
            } else if (a.startsWith("--warmup=")) {
                b.warmup = Integer.parseInt(a.substring(9));
            } else if (a.startsWith("--connections=")) {
                b.connections = Integer.parseInt(a.substring(14));
            } else if (a.startsWith("--only=")) {
                b.only = a.substring(7);
            } else if (a.equals("--jfr")) {
                b.jfr = true;
            } else if (a.startsWith("--portal-jar=")) {
                b.portalJar = Path.of(a.substring(13));
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                b.petclinicJar = Path.of(a);
            }
        }
        try {
            b.run();
        } finally {
            b.stopAll();
        }
    }

    void run() throws Exception {
        Files.createDirectories(work);
        say("load average at start: " + loadAverage());
        startPortal();
        if (petclinicJar != null) {
            startPetclinic();
        }
        Setup s = setUp();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        statementsPerRequest(s, runId);

        // Pages first, on the data as created (so every run measures the same pages).
        if (petclinic != null) {
            page("PetClinic /owners/1", petclinic + "/owners/1", null);
        }
        String a = Long.toString(s.accounts.get(0));
        page("points dashboard", base + "/accounts/" + a + "/points", s.customerCookie);
        page("units", base + "/accounts/" + a + "/units", s.customerCookie);
        page("marketplace", base + "/accounts/" + a + "/marketplace", s.customerCookie);
        page("history", base + "/accounts/" + a + "/orders", s.customerCookie);
        page("FortiFlex program", base + "/accounts/" + a + "/flex", s.customerCookie);
        page("partner console", base + "/partner/customers", s.partnerCookie);
        page("RTS summary", base + "/rts", s.staffCookie);

        if (petclinic != null) {
            // the anchor again after the pages: on a shared machine the load moves, the mean of the two is the anchor
            page("PetClinic /owners/1 (after)", petclinic + "/owners/1", null);
        }
        if (want("raw")) {
            raw("raw spend transaction (JDBC)", s);
        }
        spend("FortiFlex transfer (API)", "transfer", runId + "t", s);
        if (want("order")) {
            topUp(s);
        }
        spend("renewal order (API)", "order", runId + "o", s);
        if (want("raw")) {
            raw("raw spend transaction (JDBC) (after)", s);
        }
        say("load average at end: " + loadAverage());
        report();
    }

    boolean want(String name) {
        return only.isEmpty() || only.contains(name);
    }

    // ---------------------------------------------------------------- processes

    void startPortal() throws Exception {
        if (portalJar == null) {
            try (var files = Files.list(root.resolve("target"))) {
                portalJar = files.filter(p -> p.getFileName().toString().matches("fortimarketplace-portal-.*\\.jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no target/fortimarketplace-portal-*.jar: build first"));
            }
        }
        int port = freePort();
        dbPort = freePort();
        base = "http://127.0.0.1:" + port;
        List<String> cmd = new ArrayList<>(List.of("java", "-Xms1g", "-Xmx1g"));
        if (jfr) {
            cmd.add("-XX:StartFlightRecording=filename=" + work.resolve("portal.jfr") + ",settings=profile,dumponexit=true");
        }
        cmd.addAll(List.of("-jar", portalJar.toString(), "--server.port=" + port,
                // its own fresh database under target/bench (fresh empties only this directory)
                "--portal.embedded-db.data-dir=" + work.resolve("mariadb"),
                "--portal.embedded-db.base-dir=" + work.resolve("mariadb-base"),
                "--portal.embedded-db.fresh=true", "--portal.embedded-db.port=" + dbPort,
                "--portal.demo.enabled=true"));
        say("starting the portal: " + portalJar.getFileName() + " on " + base);
        portal = start(cmd, work.resolve("portal.log"));
        waitFor(base + "/actuator/health/readiness", Duration.ofMinutes(20));
    }

    void startPetclinic() throws Exception {
        int port = freePort();
        petclinic = "http://127.0.0.1:" + port;
        say("starting PetClinic: " + petclinicJar + " on " + petclinic);
        start(List.of("java", "-Xms1g", "-Xmx1g", "-jar", petclinicJar.toAbsolutePath().toString(),
                "--server.port=" + port), work.resolve("petclinic.log"));
        waitFor(petclinic + "/owners/1", Duration.ofMinutes(10));
    }

    Process start(List<String> cmd, Path log) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        return p;
    }

    Process portal;

    /**
     * CPU seconds (user + system, /proc) the portal's JVM and its MariaDB have used so far: per request, a figure a
     * busy machine disturbs far less than a rate (a rate counts the time a process waited for a core; this doesn't).
     */
    double[] cpuSeconds() {
        long db = portal.descendants().filter(h -> h.info().command().orElse("").endsWith("mariadbd"))
                .mapToLong(h -> ticks(h.pid())).sum();
        return new double[]{ticks(portal.pid()) / 100.0, db / 100.0};
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15), in USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String cpuPerRequest(double[] before, double[] after, long requests) {
        return requests == 0 ? "" : String.format("  CPU/request: portal %.2f ms, MariaDB %.2f ms",
                (after[0] - before[0]) * 1000 / requests, (after[1] - before[1]) * 1000 / requests);
    }

    void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).destroy(); // SIGTERM: the portal drains and stops its MariaDB itself
        }
        for (Process p : started) {
            try {
                if (!p.waitFor(90, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void waitFor(String url, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : started) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a process exited early; see the logs in " + work);
                }
            }
            try {
                if (http.send(get(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " did not answer 200 within " + max);
    }

    // ---------------------------------------------------------------- data, through the API

    record Setup(List<Long> accounts, List<String> keys, List<Long> rawAccounts, List<Long> rawPacks,
                 String customerCookie, String partnerCookie, String staffCookie) {
    }

    Setup setUp() throws Exception {
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        List<Long> accounts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long partner = id(api("POST", "/api/v1/admin/accounts",
                "{\"name\":\"Bench Partner\",\"type\":\"PARTNER\",\"region\":\"AMER\"}"), "accountId");
        api("POST", "/api/v1/admin/users", "{\"email\":\"partner@bench.test\",\"displayName\":\"Bench Partner\",\"password\":\""
                + PASSWORD + "\",\"accountId\":" + partner + ",\"role\":\"PARTNER_USER\",\"permission\":\"READ_WRITE\"}");
        for (int i = 1; i <= ACCOUNTS; i++) {
            long acc = id(api("POST", "/api/v1/admin/accounts", "{\"name\":\"Bench Customer " + i
                    + "\",\"type\":\"CUSTOMER\",\"region\":\"AMER\"}"), "accountId");
            accounts.add(acc);
            String email = "customer" + i + "@bench.test";
            api("POST", "/api/v1/admin/users", "{\"email\":\"" + email + "\",\"displayName\":\"Bench " + i
                    + "\",\"password\":\"" + PASSWORD + "\",\"accountId\":" + acc
                    + ",\"role\":\"CUSTOMER_USER\",\"permission\":\"READ_WRITE\"}");
            api("POST", "/api/v1/admin/partners/" + partner + "/customers/" + acc, "");
            for (int k = 0; k < 3; k++) {
                api("POST", "/api/v1/admin/accounts/" + acc + "/packs/import",
                        "{\"sku\":\"FC-10-FPNTS-100K\",\"registeredAt\":\"" + today.minusDays(k) + "\"}");
            }
            api("POST", "/api/v1/admin/accounts/" + acc + "/flex-program", "{\"type\":\"PREPAID\",\"startDate\":\""
                    + today.minusDays(30) + "\",\"endDate\":\"" + today.plusYears(3) + "\"}");
            for (int u = 0; u < UNITS; u++) {
                // contracts ending from 40 days ago to 150 days ahead: lapsed, in grace and expiring units
                LocalDate end = today.plusDays(-40 + u * 10L + i);
                api("POST", "/api/v1/admin/accounts/" + acc + "/units", "{\"serialNumber\":\""
                        + String.format("FGT60FBN%03d%04d", i, u) + "\",\"model\":\"FGT60F\",\"family\":\"FortiGate\","
                        + "\"location\":\"Site " + u + "\",\"services\":[{\"service\":\"FC247\",\"startDate\":\""
                        + end.minusYears(1) + "\",\"endDate\":\"" + end + "\"}]}");
            }
            keys.add(apiKey(email));
        }
        List<Long> rawAccounts = new ArrayList<>();
        List<Long> rawPacks = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            long acc = id(api("POST", "/api/v1/admin/accounts", "{\"name\":\"Raw " + i
                    + "\",\"type\":\"CUSTOMER\",\"region\":\"AMER\"}"), "accountId");
            rawAccounts.add(acc);
            rawPacks.add(id(api("POST", "/api/v1/admin/accounts/" + acc + "/packs/import",
                    "{\"sku\":\"FC-10-FPNTS-100K\",\"registeredAt\":\"" + today + "\"}"), "packId"));
        }
        say(String.format("data created through the API in %.1f s", (System.nanoTime() - t0) / 1e9));
        return new Setup(accounts, keys, rawAccounts, rawPacks, signIn("customer1@bench.test", PASSWORD),
                signIn("partner@bench.test", PASSWORD), signIn("staff@demo.test", "demo"));
    }

    String api(String method, String path, String json) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " → " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }

    static long id(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** Signs in through the login form and returns the session cookie ("SESSION=…"). */
    String signIn(String email, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(get(base + "/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> res = browser.send(form(base + "/login", Map.of("username", email, "password", password,
                "_csrf", csrf(login))).build(), HttpResponse.BodyHandlers.ofString());
        String location = res.headers().firstValue("Location").orElse("");
        if (res.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + email + " failed: " + res.statusCode() + " " + location);
        }
        this.lastBrowser = browser;
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(c -> c.getName() + "=" + c.getValue()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no SESSION cookie after signing in " + email));
    }

    HttpClient lastBrowser;

    /** A user's API key, created on the profile page like a user would. */
    String apiKey(String email) throws Exception {
        signIn(email, PASSWORD);
        HttpClient browser = lastBrowser;
        String profile = browser.send(get(base + "/profile").build(), HttpResponse.BodyHandlers.ofString()).body();
        String page = browser.send(form(base + "/profile/api-keys", Map.of("name", "bench", "_csrf", csrf(profile))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("id=\"new-key\"[^>]*>([^<]+)<").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no new API key on the profile page of " + email);
        }
        return m.group(1).trim();
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(html);
        if (!m.find()) {
            m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token in the page");
            }
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    }

    HttpRequest.Builder form(String url, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    // ---------------------------------------------------------------- load

    void page(String name, String url, String cookie) throws Exception {
        if (!want(name.split(" ")[0].toLowerCase(Locale.ROOT)) && !want(name.replace(" (after)", ""))) {
            return;
        }
        List<String> extra = cookie == null ? List.of() : List.of("-H", "Cookie: " + cookie);
        wrk(name, url, extra, List.of("page", "p", ""));
    }

    void spend(String name, String mode, String runId, Setup s) throws Exception {
        if (!want(mode)) {
            return;
        }
        StringBuilder acc = new StringBuilder();
        for (int i = 0; i < s.accounts.size(); i++) {
            acc.append(i == 0 ? "" : ",").append(s.accounts.get(i)).append(':').append(s.keys.get(i));
        }
        wrk(name, base + "/", List.of(), List.of(mode, runId, acc.toString()));
    }

    void wrk(String name, String url, List<String> extra, List<String> scriptArgs) throws Exception {
        if (warmup > 0) {
            runWrk(url, extra, scriptArgs, warmup, "w");
        }
        double[] cpu0 = cpuSeconds();
        String out = runWrk(url, extra, scriptArgs, seconds, "");
        double[] cpu1 = cpuSeconds();
        Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher b = Pattern.compile("BENCH requests=(\\d+) non2xx=(\\d+) errors=(\\d+) p50=(\\d+) p99=(\\d+)").matcher(out);
        if (!rate.find() || !b.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        double perSecond = Double.parseDouble(rate.group(1));
        long requests = Long.parseLong(b.group(1));
        long bad = Long.parseLong(b.group(2)) + Long.parseLong(b.group(3));
        figures.put(name, perSecond);
        figures.put(name + " errors", requests == 0 ? 0 : 100.0 * bad / requests);
        say(String.format("%-28s %8.1f /s  p50 %5.1f ms  p99 %6.1f ms  non-2xx/errors %d of %d", name, perSecond,
                Long.parseLong(b.group(4)) / 1000.0, Long.parseLong(b.group(5)) / 1000.0, bad, requests)
                + (url.startsWith(base) ? cpuPerRequest(cpu0, cpu1, requests) : ""));
    }

    String runWrk(String url, List<String> extra, List<String> scriptArgs, int secs, String suffix) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + secs + "s", "--timeout", "10s",
                "-s", root.resolve("bench/wrk/bench.lua").toString()));
        cmd.addAll(extra);
        cmd.add(url);
        cmd.add("--");
        List<String> args = new ArrayList<>(scriptArgs);
        if (!suffix.isEmpty() && args.size() > 1) {
            args.set(1, args.get(1) + suffix); // warm-up keys differ from the measured run's
        }
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("BENCH status")) {
                say("  " + line);
            }
        }
        return out;
    }

    /**
     * The raw spend transaction: what one charge needs at the least, on the portal's own tables of the same server,
     * with the same concurrency and isolation as the portal's pool; accounts taken round-robin like wrk's requests.
     */
    void raw(String name, Setup s) throws Exception {
        String password = Files.readString(work.resolve("mariadb.password")).trim();
        String url = "jdbc:mysql://127.0.0.1:" + dbPort + "/portal?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC";
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        long[] balance = new long[s.rawAccounts.size()];
        java.util.Arrays.fill(balance, 100_000);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Connection con = DriverManager.getConnection(url, "portal", password);
            con.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            con.setAutoCommit(false);
            Thread t = new Thread(() -> {
                try (con;
                     PreparedStatement lock = con.prepareStatement("select id from accounts where id = ? for update");
                     PreparedStatement take = con.prepareStatement("update point_packs set remaining = remaining - 1 where id = ?");
                     PreparedStatement append = con.prepareStatement("insert into points_ledger (account_id, kind, points,"
                             + " balance_after, reference, idempotency_key, business_date, created_at)"
                             + " values (?, 'FLEX_TRANSFER', -1, ?, 'raw', ?, ?, ?)")) {
                    while (!stop.get()) {
                        int i = (int) (next.getAndIncrement() % s.rawAccounts.size());
                        try {
                            lock.setLong(1, s.rawAccounts.get(i));
                            lock.executeQuery().close();
                            take.setLong(1, s.rawPacks.get(i));
                            take.executeUpdate();
                            long after;
                            synchronized (balance) {
                                after = --balance[i]; // exact: the account row is locked
                            }
                            append.setLong(1, s.rawAccounts.get(i));
                            append.setLong(2, after);
                            append.setString(3, "raw-" + Thread.currentThread().getId() + "-" + System.nanoTime());
                            append.setObject(4, LocalDate.now());
                            append.setObject(5, java.sql.Timestamp.from(Instant.now()));
                            append.executeUpdate();
                            con.commit();
                            if (counting.get()) {
                                done.incrementAndGet();
                            }
                        } catch (SQLException e) {
                            con.rollback();
                            failed.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            clients.add(t);
        }
        clients.forEach(Thread::start);
        Thread.sleep(warmup * 1000L);
        double[] cpu0 = cpuSeconds();
        counting.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double[] cpu1 = cpuSeconds();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        double perSecond = done.get() / elapsed;
        figures.put(name, perSecond);
        say(String.format("%-28s %8.1f /s  (%d clients, %d failed)", name, perSecond, connections, failed.get())
                + String.format("  CPU/request: MariaDB %.2f ms", (cpu1[1] - cpu0[1]) * 1000 / Math.max(1, done.get())));
    }

    /**
     * FortiPoints for the order run, registered just before it (so the transfer run's accounts hold the usual three
     * packs): enough for 2,000 orders a second of 180 points over the warm-up and the measured run, spread over the
     * accounts, so no order is refused for want of points however fast the portal gets.
     */
    void topUp(Setup s) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        long needed = 2_000L * 180 * (warmup + seconds) / ACCOUNTS;
        long packs = (needed + 99_999) / 100_000;
        for (long acc : s.accounts) {
            for (long k = 0; k < packs; k++) {
                api("POST", "/api/v1/admin/accounts/" + acc + "/packs/import",
                        "{\"sku\":\"FC-10-FPNTS-100K\",\"registeredAt\":\"" + today + "\"}");
            }
        }
        say("order run: " + packs + " packs of 100,000 points registered per account");
    }

    /**
     * SQL statements one request costs (MariaDB's {@code Questions} counter around 20 requests in a row, the counter's
     * own query subtracted): what a request asks of the database, whatever the machine's load.
     */
    void statementsPerRequest(Setup s, String runId) throws Exception {
        String a = Long.toString(s.accounts.get(0));
        Map<String, HttpRequest.Builder> requests = new LinkedHashMap<>();
        requests.put("points dashboard", get(base + "/accounts/" + a + "/points").header("Cookie", s.customerCookie));
        requests.put("units", get(base + "/accounts/" + a + "/units").header("Cookie", s.customerCookie));
        requests.put("partner console", get(base + "/partner/customers").header("Cookie", s.partnerCookie));
        requests.put("RTS summary", get(base + "/rts").header("Cookie", s.staffCookie));
        List<String> out = new ArrayList<>();
        String password = Files.readString(work.resolve("mariadb.password")).trim();
        try (Connection con = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + dbPort
                + "/portal?useSSL=false&allowPublicKeyRetrieval=true", "portal", password)) {
            try (var st = con.createStatement();
                 var rs = st.executeQuery("select @@innodb_flush_log_at_trx_commit, @@version")) {
                rs.next();
                say("MariaDB " + rs.getString(2) + ", innodb_flush_log_at_trx_commit=" + rs.getInt(1)
                        + " (every commit on disk before it is confirmed)");
            }
            for (var e : requests.entrySet()) {
                out.add(e.getKey() + " " + statements(con, 20, i -> e.getValue().build()));
            }
            out.add("FortiFlex transfer " + statements(con, 20, i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts/"
                    + a + "/flex-transfers")).header("Authorization", "Bearer " + s.keys.get(0))
                    .header("Content-Type", "application/json").header("Idempotency-Key", runId + "-sql-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"points\":1}")).build()));
        }
        say("SQL statements per request: " + String.join(", ", out));
    }

    long statements(Connection con, int n, java.util.function.IntFunction<HttpRequest> request) throws Exception {
        http.send(request.apply(-1), HttpResponse.BodyHandlers.discarding());
        long before = questions(con);
        for (int i = 0; i < n; i++) {
            int status = http.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("status " + status + " while counting statements");
            }
        }
        return Math.round((questions(con) - before - 1) / (double) n);
    }

    static long questions(Connection con) throws SQLException {
        try (var st = con.createStatement(); var rs = st.executeQuery("show global status like 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    // ---------------------------------------------------------------- report

    void report() throws IOException {
        Double raw = mean("raw spend transaction (JDBC)");
        Double pet = mean("PetClinic /owners/1");
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(String.format("| what | portal /s | errors | anchor /s | ratio | goal |%n|---|---|---|---|---|---|").trim());
        for (var e : figures.entrySet()) {
            String name = e.getKey();
            if (name.endsWith(" errors") || name.startsWith("raw") || name.startsWith("PetClinic")) {
                continue;
            }
            boolean spend = name.contains("(API)");
            Double anchor = spend ? raw : pet;
            double goal = spend ? 0.25 : 0.5;
            double errors = figures.getOrDefault(name + " errors", 0.0);
            out.add(String.format(Locale.ROOT, "| %s | %.0f | %.1f %% | %s | %s | ≥ %.2f× %s |", name, e.getValue(), errors,
                    anchor == null ? "—" : String.format(Locale.ROOT, "%.0f (%s)", anchor, spend ? "raw spend" : "PetClinic"),
                    anchor == null ? "—" : String.format(Locale.ROOT, "%.2f×", e.getValue() / anchor), goal,
                    anchor == null ? "" : (e.getValue() / anchor >= goal && errors == 0 ? "✓" : "✗")));
        }
        out.add("");
        out.add("loadavg at end: " + loadAverage() + "; " + connections + " connections, " + seconds + " s each after "
                + warmup + " s warm-up; " + Runtime.getRuntime().availableProcessors() + " cores");
        out.forEach(System.out::println);
        lines.addAll(out);
        Files.write(work.resolve("results.md"), lines);
        System.out.println("\n(also in " + root.relativize(work.resolve("results.md")) + ")");
    }

    /** The anchor: the mean of its measurements before and after the figures it anchors. */
    Double mean(String name) {
        Double a = figures.get(name);
        Double b = figures.get(name + " (after)");
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return (a + b) / 2;
    }

    void say(String line) {
        System.out.println(line);
        lines.add(line);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
