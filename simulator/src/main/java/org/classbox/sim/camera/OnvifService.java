package org.classbox.sim.camera;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The camera's HTTP side: ONVIF device service ({@code /onvif/device_service}: GetSystemDateAndTime without
 * credentials, GetDeviceInformation), media service ({@code /onvif/media_service}: GetProfiles, GetSnapshotUri),
 * and {@code /snapshot.jpg} behind HTTP Digest. Every call but the clock needs a valid UsernameToken when the
 * camera has a username.
 */
final class OnvifService {
    private static final String SOAP_TYPE = "application/soap+xml; charset=utf-8";

    private final CameraSimConfig config;
    private final FaultPlay play;
    private final Supplier<Instant> clock;
    private final byte[] jpeg;
    private final DigestCheck digest = new DigestCheck();

    OnvifService(CameraSimConfig config, FaultPlay play, Supplier<Instant> clock, byte[] jpeg) {
        this.config = config;
        this.play = play;
        this.clock = clock;
        this.jpeg = jpeg;
    }

    void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> play.play(() -> answer(request, body),
                () -> request.connection().close(),
                () -> request.response().putHeader("Content-Type", SOAP_TYPE).end(Buffer.buffer(FaultPlay.GARBAGE))));
    }

    private void answer(HttpServerRequest request, Buffer body) {
        HttpServerResponse response = request.response();
        String path = request.path();
        if (path.equals("/snapshot.jpg") && request.method().name().equals("GET")) {
            snapshot(request);
        } else if ((path.equals("/onvif/device_service") || path.equals("/onvif/media_service"))
                && request.method().name().equals("POST")) {
            soap(request, path.contains("media"), SoapCall.parse(body.getBytes()));
        } else {
            response.setStatusCode(404).end();
        }
    }

    private void soap(HttpServerRequest request, boolean media, SoapCall call) {
        if (call == null) {
            soapFault(request, "env:Sender", "ter:WellFormed", "The request is not a SOAP 1.2 envelope");
            return;
        }
        boolean open = call.operation().equals("GetSystemDateAndTime") && !media;
        if (!open && !config.username().isEmpty()
                && (play.wrongPassword() || !call.authenticated(config.username(), config.password(), clock.get()))) {
            soapFault(request, "env:Sender", "ter:NotAuthorized", "Sender not Authorized");
            return;
        }
        String reply = switch ((media ? "media:" : "device:") + call.operation()) {
            case "device:GetSystemDateAndTime" -> OnvifAnswers.systemDateAndTime(
                    clock.get().atZone(ZoneOffset.UTC));
            case "device:GetDeviceInformation" -> OnvifAnswers.deviceInformation();
            case "media:GetProfiles" -> OnvifAnswers.profiles();
            case "media:GetSnapshotUri" -> {
                String profile = call.argument("ProfileToken");
                yield profile != null && profile.matches("Profile_[12]")
                        ? OnvifAnswers.snapshotUri(baseUri(request), profile) : null;
            }
            default -> "";
        };
        if (reply == null) {
            soapFault(request, "env:Sender", "ter:InvalidArgVal", "The requested profile does not exist");
        } else if (reply.isEmpty()) {
            soapFault(request, "env:Receiver", "ter:ActionNotSupported", "Optional Action Not Implemented");
        } else {
            request.response().putHeader("Content-Type", SOAP_TYPE).end(reply);
        }
    }

    private void snapshot(HttpServerRequest request) {
        if (!config.username().isEmpty() && (play.wrongPassword()
                || !digest.accepts(request.getHeader("Authorization"), "GET", config.username(), config.password()))) {
            request.response().setStatusCode(401).putHeader("WWW-Authenticate", digest.challenge())
                    .putHeader("Content-Type", "text/plain").end("401 Unauthorized\n");
            return;
        }
        request.response().putHeader("Content-Type", "image/jpeg").end(Buffer.buffer(jpeg));
    }

    private String baseUri(HttpServerRequest request) {
        String host = request.getHeader("Host");
        return "http://" + (host == null ? config.host() + ":" + request.localAddress().port() : host);
    }

    private static void soapFault(HttpServerRequest request, String code, String subcode, String reason) {
        request.response().setStatusCode(400).putHeader("Content-Type", SOAP_TYPE)
                .end(OnvifAnswers.fault(code, subcode, reason));
    }
}
