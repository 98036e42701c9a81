package org.classbox.drivers.camera.onvif;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.camera.digest.Challenge;

/**
 * Talks ONVIF Profile S (SOAP 1.2 over HTTP) to one camera: device information, its clock, and a snapshot through
 * GetProfiles and GetSnapshotUri, fetched with Basic or Digest authentication as the camera asks. Every call is a
 * Future on Vert.x's HTTP client; nothing blocks. UsernameTokens are dated in the camera's time (its measured
 * offset applied), since cameras reject tokens whose Created is far from their own clock.
 */
public final class OnvifClient {
    /** A 4K JPEG is about 2 MB; anything far larger is not a snapshot. */
    public static final int MAX_SNAPSHOT_BYTES = 8 * 1024 * 1024;

    private final OnvifConfig config;
    private final String device;
    private final HttpClient http;
    private final HttpExchange exchange;
    private final SecureRandom random = new SecureRandom();
    private volatile Duration clockOffset = Duration.ZERO;

    public OnvifClient(Vertx vertx, OnvifConfig config) {
        this.config = config;
        this.device = config.deviceName();
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        this.exchange = new HttpExchange(http, device, config.timeout().toMillis());
    }

    public Future<CameraInfo> deviceInformation() {
        return soap(OnvifConfig.DEVICE_PATH, SoapRequests.getDeviceInformation(token()), "GetDeviceInformation")
                .map(body -> OnvifReplies.deviceInformation(device, body));
    }

    /** The camera's clock minus ours, rounded to the second; also used to date later tokens. */
    public Future<Duration> clockOffset() {
        return soap(OnvifConfig.DEVICE_PATH, SoapRequests.getSystemDateAndTime(), "GetSystemDateAndTime")
                .map(body -> {
                    Instant camera = OnvifReplies.systemDateAndTime(device, body);
                    Duration offset = Duration.ofSeconds(Duration.between(Instant.now(), camera).toMillis() / 1000);
                    clockOffset = offset;
                    return offset;
                });
    }

    /** GetProfiles, GetSnapshotUri of the first profile, then the JPEG itself. */
    public Future<byte[]> snapshot() {
        return soap(config.mediaPath(), SoapRequests.getProfiles(token()), "GetProfiles")
                .map(body -> OnvifReplies.profileTokens(device, body).get(0))
                .compose(profile -> soap(config.mediaPath(), SoapRequests.getSnapshotUri(token(), profile),
                        "GetSnapshotUri"))
                .map(body -> OnvifReplies.snapshotUri(device, body))
                .compose(this::fetchJpeg);
    }

    public Future<Void> close() {
        return http.close();
    }

    private Future<byte[]> soap(String path, String envelope, String action) {
        String uri = config.baseUri() + path;
        String ns = path.equals(OnvifConfig.DEVICE_PATH) ? Ns.DEVICE : Ns.MEDIA;
        Map<String, String> headers = Map.of("Content-Type", "application/soap+xml; charset=utf-8; action=\""
                + ns + "/" + action + "\"");
        return exchange.send(HttpMethod.POST, uri, headers, Buffer.buffer(envelope), SafeXml.MAX_BYTES + 1)
                .map(reply -> switch (reply.status()) {
                    // ONVIF sends faults with 400 or 500; OnvifReplies reads them
                    case 200, 400, 500 -> reply.body();
                    case 401, 403 -> throw new DeviceException(DeviceException.Kind.AUTH, device, action
                            + ": HTTP " + reply.status() + " (check devices.<id>.username and password)");
                    default -> throw new DeviceException(DeviceException.Kind.PROTOCOL, device, action
                            + ": unexpected HTTP status " + reply.status());
                });
    }

    private Future<byte[]> fetchJpeg(String uri) {
        return exchange.send(HttpMethod.GET, uri, Map.of(), null, MAX_SNAPSHOT_BYTES).compose(first -> {
            if (first.status() != 401) {
                return Future.succeededFuture(first);
            }
            Challenge challenge = Challenge.choose(first.headers().getAll("WWW-Authenticate"));
            if (challenge == null || config.username().isEmpty()) {
                throw new DeviceException(DeviceException.Kind.AUTH, device, "snapshot " + uri + ": HTTP 401"
                        + (challenge == null ? " with no Basic or Digest (MD5) challenge" : " and no username set"));
            }
            byte[] cnonceBytes = new byte[8];
            random.nextBytes(cnonceBytes);
            String cnonce = HexFormat.of().formatHex(cnonceBytes);
            String auth = challenge.answer(config.username(), config.password(), "GET", requestTarget(uri), cnonce);
            return exchange.send(HttpMethod.GET, uri, Map.of("Authorization", auth), null, MAX_SNAPSHOT_BYTES);
        }).map(reply -> {
            if (reply.status() == 401) {
                throw new DeviceException(DeviceException.Kind.AUTH, device, "snapshot " + uri
                        + ": credentials refused (HTTP 401)");
            }
            if (reply.status() != 200) {
                throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "snapshot " + uri + ": HTTP "
                        + reply.status());
            }
            byte[] jpeg = reply.body();
            if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
                throw new DeviceException(DeviceException.Kind.PROTOCOL, device, "snapshot " + uri
                        + ": not a JPEG (" + jpeg.length + " bytes without the FF D8 start marker)");
            }
            return jpeg;
        });
    }

    private UsernameToken token() {
        if (config.username().isEmpty()) {
            return null;
        }
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return new UsernameToken(config.username(), config.password(), nonce, Instant.now().plus(clockOffset));
    }

    private static String requestTarget(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
    }
}
