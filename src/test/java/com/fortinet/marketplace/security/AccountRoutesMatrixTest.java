package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.demo.AccountsDemoSeed;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SecurityMatrixTest checks each role on two routes; this walks every route that names an account
 * ({@code {accountId}}, or {@code {id}} under /accounts), as the handler mappings list them, so a new handler that
 * forgets its scope check fails here: another customer's account answers 404 to every method (ids can't be probed),
 * and a read-only user's change of its own account answers 403.
 * <p>
 * The account walked is the demo's Globex, because it holds one of everything a route can name (a prepaid program
 * with transfers and a FortiFlex pack, configurations, entitlements, an order): each path carries ids of Globex's
 * own objects, so a 404 says "not your account", not "no such configuration". A user of Globex reading every route
 * first proves those ids resolve.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountRoutesMatrixTest {

    private static final String PASSWORD = "routes-pass-1";
    private static final Pattern ACCOUNT_ROUTE = Pattern.compile(".*\\{accountId}.*|(/api/v1)?/accounts/\\{id}.*");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    /** An id no account has: the control that a session's change requests get past CSRF to the handler. */
    private static final long NO_ACCOUNT = 999_999_999L;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accountService;
    @Autowired
    AccountRepository accountRows;
    @Autowired
    UserService users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    long globex;
    /** The value each path variable takes: an object of Globex's, found in the demo data. */
    final Map<String, String> ids = new HashMap<>();
    final Map<String, String> emails = new HashMap<>();
    final Map<String, String> keys = new HashMap<>();
    final Map<String, Long> homes = new HashMap<>();
    final Map<String, WebSession> sessions = new HashMap<>();

    /** One handler method's route as a request: method, path pattern, the query its params condition needs. */
    record Route(String method, String pattern, String query, boolean htmx) {
        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean change() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + pattern + (query.isEmpty() ? "" : "?" + query) + (htmx ? " (htmx)" : "");
        }
    }

    @BeforeAll
    void scenario() {
        globex = accountRows.findAllByOrderByName().stream().filter(a -> a.getName().equals(AccountsDemoSeed.GLOBEX))
                .findFirst().orElseThrow().getId();
        ids.put("configId", one("SELECT MIN(id) FROM flex_configs WHERE account_id = ?"));
        // A VM entitlement: the token routes serve VMs only, and a hardware serial would answer 422, not reach scope.
        ids.put("serial", one("SELECT MIN(serial_number) FROM flex_entitlements WHERE account_id = ? AND hardware = FALSE"));
        ids.put("serialNumber", ids.get("serial"));
        ids.put("transferId", one("SELECT MIN(id) FROM flex_transfers WHERE account_id = ?"));
        ids.put("packId", one("SELECT MIN(id) FROM flex_packs WHERE account_id = ?"));
        ids.put("transactionNumber", one("SELECT MIN(transaction_number) FROM orders WHERE account_id = ?"));

        String run = UUID.randomUUID().toString().substring(0, 8);
        Account outsider = accountService.create("Routes Outsider " + run, AccountType.CUSTOMER, Region.APAC);
        user("outsider", run, Permission.READ_WRITE, outsider.getId());
        user("reader", run, Permission.READ_ONLY, globex);
    }

    private String one(String sql) {
        Object value = jdbc.queryForObject(sql, Object.class, globex);
        assertThat(value).as("the demo's Globex has a row for %s", sql).isNotNull();
        return value.toString();
    }

    private void user(String who, String run, Permission permission, long accountId) {
        String email = "routes-" + who + "-" + run + "@matrix.test";
        var u = users.create(new UserService.NewUser(email, who, PASSWORD, Role.CUSTOMER_USER, permission, accountId));
        emails.put(who, email);
        keys.put(who, apiKeys.create(u.getId(), "routes").secret());
        homes.put(who, accountId);
    }

    List<Route> accountRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            String query = String.join("&", info.getParamsCondition().getExpressions().stream()
                    .filter(e -> !e.isNegated() && e.getValue() != null).map(e -> e.getName() + "=" + e.getValue()).toList());
            for (String pattern : info.getPatternValues()) {
                // Back-office routes go by role, not by account: an administrator may act on any account.
                if (!ACCOUNT_ROUTE.matcher(pattern).matches() || pattern.contains("/admin/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method.name(), pattern, query, htmx(mapping.getValue(), info)));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::toString));
        return routes;
    }

    /**
     * An {@code @HxRequest} handler only matches requests that carry {@code HX-Request: true}; without it the same path
     * falls through to another handler (e.g. {@code /flex/configs/fields} to {@code /flex/configs/{configId}}), and
     * the walk would test that one instead.
     */
    private static boolean htmx(HandlerMethod handler, RequestMappingInfo info) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), HxRequest.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), HxRequest.class)
                || info.getHeadersCondition().getExpressions().stream().anyMatch(e -> e.getName().equalsIgnoreCase("HX-Request"));
    }

    List<Route> readRoutes() {
        return accountRoutes().stream().filter(r -> !r.change()).toList();
    }

    List<Route> changeRoutes() {
        return accountRoutes().stream().filter(Route::change).toList();
    }

    @Test
    void theWalkFindsTheAccountRoutes() {
        Set<String> found = new TreeSet<>(accountRoutes().stream().map(Route::toString).toList());
        // A few every portal has: if these vanish, the pattern above no longer matches the mappings.
        assertThat(found).contains("GET /accounts/{id}", "GET /api/v1/accounts/{id}", "POST /api/v1/accounts/{id}/packs",
                "GET /accounts/{accountId}/flex/configs/fields (htmx)", "POST /accounts/{accountId}/marketplace/orders");
        assertThat(found.size()).as("account routes %s", found).isGreaterThan(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readRoutes")
    void aUserOfTheAccountReadsEveryRoute(Route route) {
        int status = call(route, "reader", globex);
        // 403: a form only read-write users may open (a new configuration); 422: Globex's program is prepaid, and
        // statements are for postpaid ones. Either comes from a handler that found the account and its objects.
        assertThat(status).as("%s by a read-only user of the account", route).isIn(200, 403, 422);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accountRoutes")
    void anotherCustomersAccountIsNotFound(Route route) {
        int status = call(route, "outsider", globex);
        assertThat(status).as("%s on another customer's account", route).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changeRoutes")
    void aReadOnlyUserCannotChangeItsAccount(Route route) {
        // The same session's request for an account that doesn't exist reaches the handler's scope check (404), so the
        // 403 below is the handler's answer, not the CSRF filter's.
        assertThat(call(route, "reader", NO_ACCOUNT)).as("%s on no account", route).isEqualTo(404);
        int status = call(route, "reader", globex);
        assertThat(status).as("%s by a read-only user of the account", route).isEqualTo(403);
    }

    private String path(Route route, long accountId) {
        Matcher m = VARIABLE.matcher(route.pattern());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("accountId") || name.equals("id") ? String.valueOf(accountId) : ids.get(name);
            assertThat(value).as("an id of Globex's for {%s} in %s: add one to scenario()", name, route).isNotNull();
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b + (route.query().isEmpty() ? "" : "?" + route.query());
    }

    private int call(Route route, String who, long accountId) {
        String path = path(route, accountId);
        if (route.api()) {
            return new ApiClient(port, keys.get(who)).send(route.method(), path, route.change() ? "{}" : null).status();
        }
        WebSession web = sessions.computeIfAbsent(who, w -> {
            WebSession s = WebSession.signedIn(port, emails.get(w), PASSWORD);
            s.get("/accounts/" + homes.get(w)); // the page's CSRF token, as a form on it would send
            assertThat(s.csrfToken()).as("CSRF token of %s", w).isNotNull();
            return s;
        });
        Map<String, String> hx = route.htmx() ? Map.of("HX-Request", "true") : Map.of();
        return switch (route.method()) {
            case "GET" -> web.get(path, hx).status();
            case "POST" -> web.post(path, Map.of(), hx).status();
            default -> throw new IllegalStateException("No page form sends " + route);
        };
    }
}
