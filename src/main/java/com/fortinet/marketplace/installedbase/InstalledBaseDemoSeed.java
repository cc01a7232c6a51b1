package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.demo.AccountsDemoSeed;
import com.fortinet.marketplace.demo.DemoSeed;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Units and contracts in every state, relative to the business date the demo is created on: active, expiring in
 * under 30 days, lapsed within the grace period, lapsed 47 days (the backdating example), lapsed more than 180 days,
 * never covered (PRMA), and a unit with an End-of-Support date.
 */
@Component
class InstalledBaseDemoSeed implements DemoSeed {

    private final InstalledBaseService service;
    private final AccountRepository accounts;
    private final BusinessClock clock;

    InstalledBaseDemoSeed(InstalledBaseService service, AccountRepository accounts, BusinessClock clock) {
        this.service = service;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "installed-base";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void seed() {
        LocalDate t = clock.today();
        Long acme = id(AccountsDemoSeed.ACME);
        Long globex = id(AccountsDemoSeed.GLOBEX);
        Long initech = id(AccountsDemoSeed.INITECH);
        Long partner = id(AccountsDemoSeed.PARTNER);
        if (acme != null) {
            unit(acme, "FGT60FTK20010001", "FortiGate", "FGT60F", "Sunnyvale HQ", null, t, 165, "FC247", "UTP");
            unit(acme, "FGT60FTK20010002", "FortiGate", "FGT60F", "Austin branch", null, t, 20, "FC247", "UTP");
            unit(acme, "FGT100FTK2001003", "FortiGate", "FGT100F", "Sunnyvale DC1", null, t, -5, "FC247", "ENT");
            unit(acme, "FGT40FTK20010004", "FortiGate", "FGT40F", "Store 12, Fresno", null, t, -47, "FC247", "UTP");
            unit(acme, "FGT200FTK2001005", "FortiGate", "FGT200F", "Reno warehouse", null, t, -400, "FC247", "UTP");
            unit(acme, "S148FFTF20010006", "FortiSwitch", "FS-148F", "Sunnyvale HQ", null, t, 240, "FC247");
            unit(acme, "FP231FTF20010007", "FortiAP", "FAP-231F", null, null, t, 12, "FC247");
            unit(acme, "FGT60FTK20010008", "FortiGate", "FGT60F", "Portland office", t.plusDays(200), t, 60, "FC247", "ATP");
            unit(acme, "FMG-VM0A20010009", "FortiManager", "FMG-VM", "AWS us-west-2", null, t, 300, "FC247");
            unit(acme, "FAZ-VM0A20010010", "FortiAnalyzer", "FAZ-VM", "AWS us-west-2", null, t, 45, "FC247");
            // A chain of stores whose firewalls come due over the next three months: the bulk-renewal case.
            for (int i = 0; i < 14; i++) {
                unit(acme, String.format("FGT40FTK2002%04d", i + 1), "FortiGate", "FGT40F", "Store " + (20 + i),
                        null, t, 8 + i * 6, "FC247", "UTP");
            }
        }
        if (globex != null) {
            unit(globex, "FGT400FTK2003001", "FortiGate", "FGT400F", "Frankfurt DC", null, t, 410, "FC247", "ENT");
            unit(globex, "FGT100FTK2003002", "FortiGate", "FGT100F", "Paris office", null, t, 25, "FC247", "UTP");
            unit(globex, "FGT60FTK20030003", "FortiGate", "FGT60F", "Lyon branch", null, t, -47, "FC247", "UTP");
            unit(globex, "FGT60FTK20030004", "FortiGate", "FGT60F", "Milan branch", null, t, -8, "FC247");
            unit(globex, "FGT200FTK2003005", "FortiGate", "FGT200F", "Madrid office", null, t, -260, "FC247", "ATP");
            unit(globex, "S148FFTF20030006", "FortiSwitch", "FS-148F", "Frankfurt DC", null, t, 90, "FC247");
            unit(globex, "FP231FTF20030007", "FortiAP", "FAP-231F", "Paris office", null, t, 150, "FC247");
            unit(globex, "FGT100FTK2003008", "FortiGate", "FGT100F", "Vienna office", t.plusDays(120), t, 70, "FC247", "UTP");
        }
        if (initech != null) {
            unit(initech, "FGT600FTK2004001", "FortiGate", "FGT600F", "Austin HQ", null, t, 500, "FC247", "ENT");
            unit(initech, "FGT1800FK2004002", "FortiGate", "FGT1800F", "Dallas DC", null, t, 18, "FC247", "ENT");
            unit(initech, "FGT60FTK20040003", "FortiGate", "FGT60F", "Houston branch", null, t, -30, "FC247", "UTP");
            unit(initech, "FGT60FTK20040004", "FortiGate", "FGT60F", null, null, t, -3, "FC247");
            unit(initech, "FAZ-VM0A20040005", "FortiAnalyzer", "FAZ-VM", "Azure southcentralus", null, t, 200, "FC247");
            unit(initech, "FGT40FTK20040006", "FortiGate", "FGT40F", "Austin lab", t.minusDays(30), t, -190, "FC247");
        }
        if (partner != null) {
            unit(partner, "FGT100FTK2005001", "FortiGate", "FGT100F", "Northwind NOC, Chicago", null, t, 120, "FC247", "UTP");
        }
    }

    private Long id(String name) {
        return accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals(name)).map(Account::getId)
                .findFirst().orElse(null);
    }

    /** A unit whose services each end {@code endOffset} days from today, after a 12-month contract. */
    private void unit(long account, String serial, String family, String model, String location, LocalDate eos,
                      LocalDate today, int endOffset, String... services) {
        LocalDate end = today.plusDays(endOffset);
        List<NewUnit.NewService> list = new ArrayList<>();
        for (String s : services) {
            list.add(new NewUnit.NewService(s, end.minusMonths(12), end, null));
        }
        service.addUnit(account, new NewUnit(serial, model, family, location, eos, list));
    }
}
