package com.fortinet.marketplace.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A FortiCloud account; its id is the FortiCloud account id shown to users. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Region region;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected Account() {
    }

    public Account(String name, AccountType type, Region region) {
        this.name = name;
        this.type = type;
        this.region = region;
    }

    /** An account read by {@link AccountLookup} outside JPA: detached, like every repository read once its transaction ends. */
    static Account read(long id, String name, AccountType type, Region region, Instant createdAt) {
        Account a = new Account(name, type, region);
        a.id = id;
        a.createdAt = createdAt;
        return a;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public AccountType getType() {
        return type;
    }

    public Region getRegion() {
        return region;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isPartner() {
        return type == AccountType.PARTNER;
    }

    void update(String name, Region region) {
        this.name = name;
        this.region = region;
    }
}
