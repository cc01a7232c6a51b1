package com.fortinet.marketplace.accounts;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.regex.Pattern;

@Service
public class UserService {

    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final UserRepository users;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    public UserService(UserRepository users, AccountRepository accounts, PasswordEncoder encoder,
                       ApplicationEventPublisher events) {
        this.users = users;
        this.accounts = accounts;
        this.encoder = encoder;
        this.events = events;
    }

    public record NewUser(String email, String displayName, String password, Role role, Permission permission,
                          Long accountId) {
    }

    @Transactional
    public User create(NewUser n) {
        String email = n.email() == null ? "" : n.email().trim().toLowerCase(Locale.ROOT);
        FieldChecks checks = new FieldChecks();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            checks.fail("email", "Enter a valid e-mail address.");
        }
        String displayName = checks.value(() -> displayName(n.displayName(), email));
        String password = checks.value(() -> validPassword("password", n.password()));
        Long accountId = checks.value(() -> accountFor(n.role(), n.accountId()));
        checks.done();
        // After the input checks: a taken address is a conflict (409), not a typing mistake.
        if (users.existsByEmailIgnoreCase(email)) {
            throw new ConflictException("email", "A user with this e-mail already exists.");
        }
        Permission permission = n.permission() == null ? Permission.READ_WRITE : n.permission();
        return users.save(new User(email, displayName, encoder.encode(password), n.role(), permission, accountId));
    }

    public record Change(String displayName, Role role, Permission permission, Long accountId) {
    }

    /**
     * An administrator changes a user's name, role, access or account, with the same rules as creating one. An
     * administrator can't take the administrator role away from themselves (someone must be left to undo it).
     */
    @Transactional
    public User update(long userId, long changedBy, Change c) {
        User user = get(userId);
        FieldChecks checks = new FieldChecks();
        if (userId == changedBy && user.getRole() == Role.ADMIN && c.role() != null && c.role() != Role.ADMIN) {
            checks.fail("role", "You can't take the administrator role away from yourself; ask another administrator.");
        }
        Long accountId = checks.value(() -> accountFor(c.role(), c.accountId()));
        String displayName = checks.value(() -> displayName(c.displayName(), user.getEmail()));
        checks.done();
        Permission permission = c.permission() == null ? Permission.READ_WRITE : c.permission();
        boolean accessChanged = user.getRole() != c.role() || user.getPermission() != permission
                || !java.util.Objects.equals(user.getAccountId(), accountId);
        user.change(displayName, c.role(), permission, accountId);
        if (accessChanged) {
            // A session carries the role, permission and account it signed in with: it must not outlive them.
            events.publishEvent(new UserAccessChanged(userId, user.getEmail(), UserAccessChanged.Reason.ACCESS_CHANGED));
        }
        return user;
    }

    /** Customer and partner users belong to an account of their kind; staff and admins to none. */
    private Long accountFor(Role role, Long accountId) {
        if (role == null) {
            throw new InvalidInputException("role", "Choose a role.");
        }
        if (!role.belongsToAccount()) {
            return null;
        }
        if (accountId == null) {
            throw new InvalidInputException("accountId", "Customer and partner users need an account.");
        }
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new InvalidInputException("accountId", "Account " + accountId + " does not exist."));
        AccountType expected = role == Role.PARTNER_USER ? AccountType.PARTNER : AccountType.CUSTOMER;
        if (account.getType() != expected) {
            throw new InvalidInputException("accountId", role.label() + "s belong to a "
                    + expected.name().toLowerCase(Locale.ROOT) + " account; " + account.getName() + " is a "
                    + account.getType().name().toLowerCase(Locale.ROOT) + " account.");
        }
        return accountId;
    }

    private static String displayName(String raw, String email) {
        String visible = TextRules.line("displayName", "Names", raw);
        String displayName = visible == null || visible.isEmpty() ? email : visible;
        if (displayName.length() > 200) {
            throw new InvalidInputException("displayName", "Names are at most 200 characters.");
        }
        return displayName;
    }

    /** {@code confirmation}: the new password typed a second time. */
    @Transactional
    public void changePassword(long userId, String current, String next, String confirmation) {
        User user = get(userId);
        FieldChecks checks = new FieldChecks();
        if (current == null || !encoder.matches(current, user.getPasswordHash())) {
            checks.fail("currentPassword", "Your current password is not correct.");
        }
        String valid = checks.value(() -> validPassword("newPassword", next));
        if (valid != null && !valid.equals(confirmation)) {
            checks.fail("confirmPassword", "The two new passwords are not the same.");
        }
        checks.done();
        user.changePassword(encoder.encode(valid));
        events.publishEvent(new UserAccessChanged(userId, user.getEmail(), UserAccessChanged.Reason.PASSWORD_CHANGED));
    }

    @Transactional
    public void resetPassword(long userId, String next) {
        User user = get(userId);
        user.changePassword(encoder.encode(validPassword("password", next)));
        events.publishEvent(new UserAccessChanged(userId, user.getEmail(), UserAccessChanged.Reason.PASSWORD_RESET));
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        User user = get(userId);
        user.setEnabled(enabled);
        if (!enabled) {
            events.publishEvent(new UserAccessChanged(userId, user.getEmail(), UserAccessChanged.Reason.DISABLED));
        }
    }

    public User get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User " + id + " was not found."));
    }

    private static String validPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException(field, "Passwords have at least " + MIN_PASSWORD + " characters.");
        }
        // bcrypt reads at most 72 bytes: a longer password would be cut (Spring Security refuses it outright, a 500).
        // Counted in UTF-8 bytes, so "é" counts 2 and most emoji 4.
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException(field, "Passwords are at most " + MAX_PASSWORD_BYTES + " bytes: 72 letters "
                    + "or digits of the English alphabet, fewer with accented letters (2 bytes each) or emoji (4 bytes).");
        }
        return password;
    }
}
