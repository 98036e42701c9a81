package org.classbox.tls;

/** TLS material that cannot be used: the message names the files and what is wrong with them. */
public final class TlsException extends RuntimeException {
    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
