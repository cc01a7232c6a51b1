package com.fortinet.marketplace.admin;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.accounts.UserService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Back-office automation: accounts, users, partner links. Admin role only (see SecurityConfig). */
@RestController
@RequestMapping("/api/v1/admin")
class AdminApiController {

    private final AccountService accounts;
    private final UserService users;

    AdminApiController(AccountService accounts, UserService users) {
        this.accounts = accounts;
        this.users = users;
    }

    record NewAccount(@NotBlank @Size(max = 200) String name, @NotNull AccountType type, @NotNull Region region) {
    }

    record AccountCreated(long accountId, String name, AccountType type, Region region) {
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    AccountCreated createAccount(@Valid @RequestBody NewAccount body) {
        Account a = accounts.create(body.name(), body.type(), body.region());
        return new AccountCreated(a.getId(), a.getName(), a.getType(), a.getRegion());
    }

    record NewUser(@NotBlank String email, String displayName, @NotBlank String password, Long accountId,
                   @NotNull Role role, Permission permission) {
    }

    record UserCreated(long userId, String email, Role role, Permission permission, Long accountId) {
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserCreated createUser(@Valid @RequestBody NewUser body) {
        User u = users.create(new UserService.NewUser(body.email(), body.displayName(), body.password(), body.role(),
                body.permission(), body.accountId()));
        return new UserCreated(u.getId(), u.getEmail(), u.getRole(), u.getPermission(), u.getAccountId());
    }

    @PostMapping("/partners/{partnerId}/customers/{customerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void link(@PathVariable long partnerId, @PathVariable long customerId) {
        accounts.link(partnerId, customerId);
    }
}
