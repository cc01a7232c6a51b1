package com.fortinet.marketplace.points;

import com.fortinet.marketplace.web.BusinessRuleException;

import java.text.NumberFormat;
import java.util.Locale;

/** A spend larger than the spendable balance: nothing is charged (422). */
public class InsufficientPointsException extends BusinessRuleException {

    private final long balance;
    private final long required;

    public InsufficientPointsException(long balance, long required) {
        super("Insufficient points", "This needs " + fmt(required) + " FortiPoints but the balance is " + fmt(balance)
                + ": " + fmt(required - balance) + " more are needed. Register a points pack first; nothing was charged.");
        this.balance = balance;
        this.required = required;
    }

    public long balance() {
        return balance;
    }

    public long required() {
        return required;
    }

    public long shortfall() {
        return Math.max(0, required - balance);
    }

    private static String fmt(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
