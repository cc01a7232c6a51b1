package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 "Tests", the page half: every form the portal's pages post, read from the page itself (its fields and their
 * values), then sent with one field spoiled at a time — empty, overlong, multi-byte, control characters, full-width
 * digits, exponents, huge and negative numbers. Never a 500; a refusal shows the form again with a message and
 * changes nothing.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageFormFuzzTest {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern METHOD = Pattern.compile("\\bmethod=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("\\btype=\"([^\"]*)\"");
    private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"");

    private static final List<String> SPOILERS = List.of("", "x".repeat(5_000), "é\uD83D\uDE80株".repeat(1_500),
            "a\u0000b\u202Ec", "\u200B", "１２３", "1e3", "-1", "99999999999999999999", "2147483648", "0x10", "1.5",
            "<script>alert(1)</script>");

    @LocalServerPort int port;
    @Autowired AssetFixtures assets;
    @Autowired MarketFixtures market;
    @Autowired AccountRepository accountRepository;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    AssetFixtures.Customer customer;
    long configId;
    long userId;

    @BeforeAll
    void aCustomerWithPointsAndFortiFlex() {
        customer = assets.withProgram();
        market.points(accountRepository.findById(customer.accountId()).orElseThrow(), "FC-10-FPNTS-10K");
        configId = assets.fortiGateVm(customer, 2, "ENT").id();
        userId = customer.userId();
    }

    private List<Long> snapshot() {
        List<Long> row = new ArrayList<>();
        for (String t : List.of("points_ledger", "point_packs", "flex_ledger", "flex_transfers", "flex_packs",
                "flex_configs", "flex_config_versions", "flex_entitlements", "orders", "units", "accounts", "users",
                "registration_codes", "points_skus", "price_list", "partner_links", "po_renewals", "api_keys")) {
            row.add(jdbc.queryForObject("select count(*) from " + t, Long.class));
        }
        row.add(LedgerInvariants.spendableBalance(jdbc, customer.accountId(), clock.today()));
        row.add(jdbc.queryForObject("select count(*) from users where password_hash <> '' and id = ?", Long.class, userId));
        return row;
    }

    record Form(String action, List<Map.Entry<String, String>> fields) {
    }

    /** The POST forms of a page, with the values the page fills in (first option of a select, checked boxes only). */
    private static List<Form> formsOf(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher f = FORM.matcher(html);
        while (f.find()) {
            Matcher m = METHOD.matcher(f.group(1));
            Matcher a = ACTION.matcher(f.group(1));
            if (!m.find() || !m.group(1).equalsIgnoreCase("post") || !a.find()) {
                continue;
            }
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            Matcher field = FIELD.matcher(f.group(2));
            while (field.find()) {
                Matcher name = NAME.matcher(field.group(2));
                if (!name.find()) {
                    continue;
                }
                Matcher type = TYPE.matcher(field.group(2));
                String t = type.find() ? type.group(1) : "";
                if ((t.equals("checkbox") || t.equals("radio")) && !field.group(2).contains("checked")) {
                    continue;
                }
                String value = "";
                if (field.group(1).equals("select")) {
                    int end = f.group(2).indexOf("</select>", field.end());
                    Matcher option = OPTION.matcher(f.group(2).substring(field.end(), end < 0 ? field.end() : end));
                    while (option.find()) {
                        value = option.group(1);
                        if (!value.isEmpty()) {
                            break;
                        }
                    }
                } else {
                    Matcher v = VALUE.matcher(field.group(2));
                    value = v.find() ? unescape(v.group(1)) : "";
                }
                fields.add(Map.entry(unescape(name.group(1)), value));
            }
            forms.add(new Form(unescape(a.group(1)), fields));
        }
        return forms;
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }

    private List<String> fuzz(WebSession s, String page, String actionPrefix) {
        List<String> failures = new ArrayList<>();
        var got = s.get(page);
        assertThat(got.status()).as(page).isEqualTo(200);
        List<Form> forms = formsOf(got.body()).stream().filter(f -> f.action().startsWith(actionPrefix)).toList();
        assertThat(forms).as("a form posting to " + actionPrefix + " on " + page).isNotEmpty();
        for (Form form : forms) {
            for (int i = 0; i < form.fields().size(); i++) {
                String name = form.fields().get(i).getKey();
                if (name.equals("_csrf")) {
                    continue;
                }
                for (String spoiler : SPOILERS) {
                    s.get(page);
                    List<Map.Entry<String, String>> fields = new ArrayList<>();
                    for (int j = 0; j < form.fields().size(); j++) {
                        var e = form.fields().get(j);
                        if (!e.getKey().equals("_csrf")) {
                            fields.add(j == i ? Map.entry(name, spoiler) : e);
                        }
                    }
                    List<Long> before = snapshot();
                    var r = s.postForm(form.action(), fields);
                    String what = form.action() + " " + name + "=" + abbreviate(spoiler) + " → " + r.status();
                    if (r.status() >= 500 || r.body().contains("Something went wrong")) {
                        failures.add(what);
                    } else if (refused(r) && !snapshot().equals(before)) {
                        failures.add("a refused form changed something: " + what);
                    } else if (r.body().contains("alert(1)</script>")) {
                        failures.add("unescaped input: " + what);
                    }
                }
            }
        }
        return failures;
    }

    @Test
    void customerFormsNeverFailAndRefusalsChangeNothing() {
        WebSession s = WebSession.signedIn(port, customer.email(), customer.password());
        long id = customer.accountId();
        List<String> failures = new ArrayList<>();
        failures.addAll(fuzz(s, "/accounts/" + id + "/points/register", "/accounts/" + id + "/points/register"));
        failures.addAll(fuzz(s, "/accounts/" + id + "/flex/transfer?points=5", "/accounts/" + id + "/flex/transfer"));
        failures.addAll(fuzz(s, "/accounts/" + id + "/flex/packs/register", "/accounts/" + id + "/flex/packs/register"));
        failures.addAll(fuzz(s, "/accounts/" + id + "/flex/configs/" + configId, "/accounts/" + id + "/flex/configs/" + configId));
        failures.addAll(fuzz(s, "/profile", "/profile/api-keys"));
        assertThat(failures).isEmpty();
        LedgerInvariants.assertHold(jdbc, id);
    }

    @Test
    void profilePasswordFormNeverFails() {
        WebSession s = WebSession.signedIn(port, customer.email(), customer.password());
        assertThat(fuzz(s, "/profile", "/profile/password")).isEmpty();
    }

    @Test
    void backOfficeFormsNeverFailAndRefusalsChangeNothing() {
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        List<String> failures = new ArrayList<>();
        failures.addAll(fuzz(admin, "/admin/accounts/new", "/admin/accounts"));
        failures.addAll(fuzz(admin, "/admin/users/new", "/admin/users"));
        // A user of its own: a spoiler that happens to be a good password (the <script> one) resets it, as it should.
        long other = assets.user(customer.accountId(), com.fortinet.marketplace.accounts.Permission.READ_ONLY, "reset").userId();
        failures.addAll(fuzz(admin, "/admin/users/" + other + "/password", "/admin/users/" + other + "/password"));
        failures.addAll(fuzz(admin, "/admin/registration-codes", "/admin/registration-codes"));
        failures.addAll(fuzz(admin, "/admin/partner-links", "/admin/partner-links"));
        assertThat(failures).isEmpty();
    }

    /** A form shown again with a message (some forms answer 200 on success too, e.g. a new API key). */
    private static boolean refused(WebSession.Page r) {
        return r.status() >= 400 || r.body().contains("class=\"field-error\"") || r.body().contains("alert-error");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}
