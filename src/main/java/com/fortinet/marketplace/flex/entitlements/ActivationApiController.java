package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.FlexJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/flex/activate {token}}: a VM using its license token. No API key (the token is the credential;
 * the security configuration lets this one path through); failures are rate-limited per client address.
 */
@RestController
class ActivationApiController {

    private final TokenActivation activation;

    ActivationApiController(TokenActivation activation) {
        this.activation = activation;
    }

    @PostMapping("/api/v1/flex/activate")
    TokenActivation.Activated activate(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        String token = FlexJson.of(body).string("token", 100);
        return activation.activate(token, request.getRemoteAddr());
    }
}
