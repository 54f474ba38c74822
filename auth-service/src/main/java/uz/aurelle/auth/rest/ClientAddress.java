package uz.aurelle.auth.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The caller's IP as seen after the trusted proxy headers were applied (quarkus.http.proxy.*). */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
