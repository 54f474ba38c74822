package uz.aurelle.payments.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Click Merchant API (reversal of a completed payment). */
@RegisterRestClient(configKey = "click-merchant")
public interface ClickMerchantApi {

    @DELETE
    @Path("/payment/reversal/{serviceId}/{paymentId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Reversal> reverse(@PathParam("serviceId") long serviceId, @PathParam("paymentId") long paymentId,
                          @HeaderParam("Auth") String auth);

    record Reversal(@JsonProperty("error_code") int errorCode, @JsonProperty("error_note") String errorNote,
                    @JsonProperty("payment_id") Long paymentId) {
    }
}
