package com.fortinet.marketplace.home;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1")
class AccountApiController {

    private final AccountScope scope;

    AccountApiController(AccountScope scope) {
        this.scope = scope;
    }

    @GetMapping("/accounts")
    List<AccountJson> accounts(@AuthenticationPrincipal PortalUser me) {
        return scope.accountsOf(me).stream().map(AccountJson::of).toList();
    }

    @GetMapping("/accounts/{id}")
    AccountJson account(@AuthenticationPrincipal PortalUser me, @PathVariable long id) {
        return AccountJson.of(scope.requireVisible(me, id));
    }

    public record AccountJson(long accountId, String name, AccountType type, Region region) {
        public static AccountJson of(Account a) {
            return new AccountJson(a.getId(), a.getName(), a.getType(), a.getRegion());
        }
    }
}
