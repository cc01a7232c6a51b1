package com.fortinet.marketplace.pricing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class PriceListApiController {

    private final PriceList prices;

    PriceListApiController(PriceList prices) {
        this.prices = prices;
    }

    /** Every signed-in caller may read list prices. */
    @GetMapping("/api/v1/price-list")
    List<Price> list(@RequestParam(required = false) String model) {
        return prices.list(model);
    }
}
