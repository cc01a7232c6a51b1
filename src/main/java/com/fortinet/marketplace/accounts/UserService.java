package com.fortinet.marketplace.accounts;

import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.regex.Pattern;

@Service
public class UserService {

    public static final int MIN_PASSWORD = 8;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final UserRepository users;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;

    public UserService(UserRepository users, AccountRepository accounts, PasswordEncoder encoder) {
        this.users = users;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    public record NewUser(String email, String displayName, String password, Role role, Permission permission,
                          Long accountId) {
    }

    @Transactional
    public User create(NewUser n) {
        String email = n.email() == null ? "" : n.email().trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "Enter a valid e-mail address.");
        }
        if (users.existsByEmailIgnoreCase(email)) {
            throw new ConflictException("email", "A user with this e-mail already exists.");
        }
        if (n.role() == null) {
            throw new InvalidInputException("role", "Choose a role.");
        }
        Permission permission = n.permission() == null ? Permission.READ_WRITE : n.permission();
        Long accountId = n.accountId();
        if (n.role().belongsToAccount()) {
            if (accountId == null) {
                throw new InvalidInputException("accountId", "Customer and partner users need an account.");
            }
            Account account = accounts.findById(accountId)
                    .orElseThrow(() -> new InvalidInputException("accountId", "Account " + n.accountId() + " does not exist."));
            AccountType expected = n.role() == Role.PARTNER_USER ? AccountType.PARTNER : AccountType.CUSTOMER;
            if (account.getType() != expected) {
                throw new InvalidInputException("accountId", n.role().label() + "s belong to a "
                        + expected.name().toLowerCase(Locale.ROOT) + " account; " + account.getName() + " is a "
                        + account.getType().name().toLowerCase(Locale.ROOT) + " account.");
            }
        } else {
            accountId = null;
        }
        String displayName = n.displayName() == null || n.displayName().isBlank() ? email : n.displayName().trim();
        if (displayName.length() > 200) {
            throw new InvalidInputException("displayName", "Names are at most 200 characters.");
        }
        return users.save(new User(email, displayName, encoder.encode(validPassword("password", n.password())),
                n.role(), permission, accountId));
    }

    @Transactional
    public void changePassword(long userId, String current, String next) {
        User user = get(userId);
        if (current == null || !encoder.matches(current, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "Your current password is not correct.");
        }
        user.changePassword(encoder.encode(validPassword("newPassword", next)));
    }

    @Transactional
    public void resetPassword(long userId, String next) {
        get(userId).changePassword(encoder.encode(validPassword("password", next)));
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        get(userId).setEnabled(enabled);
    }

    public User get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User " + id + " was not found."));
    }

    private static String validPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException(field, "Passwords have at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > 72) {
            throw new InvalidInputException(field, "Passwords have at most 72 characters.");
        }
        return password;
    }
}
