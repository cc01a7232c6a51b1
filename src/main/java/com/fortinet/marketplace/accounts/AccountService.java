package com.fortinet.marketplace.accounts;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

    private final AccountRepository accounts;
    private final PartnerLinks links;

    public AccountService(AccountRepository accounts, PartnerLinks links) {
        this.accounts = accounts;
        this.links = links;
    }

    @Transactional
    public Account create(String name, AccountType type, Region region) {
        FieldChecks checks = new FieldChecks();
        String valid = checks.value(() -> validName(name));
        checks.run(() -> require(type, "type", "Choose CUSTOMER or PARTNER."));
        checks.run(() -> require(region, "region", "Choose a region: AMER, EMEA, APAC or LATAM."));
        checks.done();
        return accounts.save(new Account(valid, type, region));
    }

    @Transactional
    public Account update(long id, String name, Region region) {
        Account account = get(id);
        FieldChecks checks = new FieldChecks();
        String valid = checks.value(() -> validName(name));
        checks.run(() -> require(region, "region", "Choose a region: AMER, EMEA, APAC or LATAM."));
        checks.done();
        account.update(valid, region);
        return account;
    }

    public Account get(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("Account " + id + " was not found."));
    }

    /** True when the link is new, false when the partner already managed the customer (nothing changes). */
    @Transactional
    public boolean link(long partnerId, long customerId) {
        Account partner = get(partnerId);
        Account customer = get(customerId);
        if (partner.getType() != AccountType.PARTNER) {
            throw new InvalidInputException("partnerId", "Account " + partnerId + " (" + partner.getName() + ") is not a partner account.");
        }
        if (customer.getType() != AccountType.CUSTOMER) {
            throw new InvalidInputException("customerId", "Account " + customerId + " (" + customer.getName() + ") is not an end-customer account.");
        }
        return links.link(partnerId, customerId);
    }

    @Transactional
    public void unlink(long partnerId, long customerId) {
        links.unlink(partnerId, customerId);
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : TextRules.line("name", "Account names", name);
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "Enter the account name.");
        }
        if (trimmed.length() > 200) {
            throw new InvalidInputException("name", "Account names are at most 200 characters.");
        }
        return trimmed;
    }

    private static <T> T require(T value, String field, String message) {
        if (value == null) {
            throw new InvalidInputException(field, message);
        }
        return value;
    }
}
