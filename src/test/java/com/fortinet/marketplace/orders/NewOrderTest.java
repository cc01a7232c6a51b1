package com.fortinet.marketplace.orders;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The order row a quote becomes: only a co-term order keeps the date it co-terms to. */
class NewOrderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TARGET = LocalDate.of(2026, 12, 31);

    @Test
    void aCoTermOrderKeepsItsTargetDate() {
        Orders.NewOrder o = Orders.NewOrder.of("FMP-2026-000001", quote(OrderType.COTERM), 9, "key-1");

        assertThat(o.targetEndDate()).isEqualTo(TARGET);
        assertThat(o.accountId()).isEqualTo(7);
        assertThat(o.payingAccountId()).isEqualTo(9);
        assertThat(o.businessDate()).isEqualTo(TODAY);
        assertThat(o.total()).isEqualTo(500);
    }

    @Test
    void otherOrdersHaveNoTargetDateEvenIfTheRequestSentOne() {
        assertThat(Orders.NewOrder.of("FMP-2026-000002", quote(OrderType.RENEW), 7, "key-2").targetEndDate()).isNull();
        assertThat(Orders.NewOrder.of("FMP-2026-000003", quote(OrderType.UPGRADE), 7, "key-3").targetEndDate()).isNull();
    }

    @Test
    void whoPlacedItAndItsDescriptionAreAddedByName() {
        Orders.NewOrder o = Orders.NewOrder.of("FMP-2026-000004", 7, 7, OrderType.RENEW, 120, TODAY, "key-4")
                .describedAs("PO 4711").placedBy(11L, "ops@acme.test");

        assertThat(o.description()).isEqualTo("PO 4711");
        assertThat(o.userId()).isEqualTo(11L);
        assertThat(o.createdBy()).isEqualTo("ops@acme.test");
        assertThat(o.targetEndDate()).isNull();
    }

    private static Quote quote(OrderType type) {
        Quote.Line.Item item = new Quote.Line.Item(1, 3L, "FGT60F0000000001", "FGT-60F", "FortiGate", "FC247", null, null);
        Quote.Line line = Quote.Line.priced(item, new Quote.Line.Previous(TODAY.plusDays(30), 5L),
                new Quote.Line.Terms(TODAY, TARGET, 0, 304, 600, 500, "co-termed", null));
        return new Quote(7, 9, type, TODAY, TARGET, List.of(line), 10_000);
    }
}
