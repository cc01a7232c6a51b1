package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A FortiFlex v2 path the portal does not serve (groups, cloud entitlements, transfers) answers the envelope too. */
@RestController
@RequestMapping(V2Controller.BASE)
class V2UnknownPathController extends V2Controller {

    @PostMapping("/**")
    Object unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + BASE.length());
        throw new NotFoundException("The FortiFlex API v2 call " + path + " is not served by this portal. It serves "
                + "programs/list, configs/list|create|update|disable|enable and entitlements/list|vm/create|hardware/create"
                + "|update|stop|reactivate|vm/token.");
    }
}
