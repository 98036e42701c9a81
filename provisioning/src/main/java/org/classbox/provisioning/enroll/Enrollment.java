package org.classbox.provisioning.enroll;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.classbox.provisioning.cli.ExitCodes;

/**
 * The steps of {@code enroll}: key, request, queue, ask, check, keep. The request is queued on disk before the
 * console is asked, so a box switched off mid-request still has it for {@code --finish}; it is removed once the
 * console answered for good (signed or refused).
 */
final class Enrollment {
    /** What the technician asked for. */
    record Request(URI console, String claimCode, String caSha256, Identity identity, Path pkiDir, Path stateDir,
                   Duration timeout, boolean force) {
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;

    Enrollment(PrintWriter out, PrintWriter err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int enroll(Request request) throws EnrollException {
        PkiDir pki = new PkiDir(request.pkiDir());
        pki.prepare();
        Path keyFile = pki.key();
        X509Certificate current = pki.currentCertificate();
        if (current != null && Files.exists(pki.key()) && matches(pki, current)) {
            Instant notAfter = current.getNotAfter().toInstant();
            if (notAfter.isBefore(clock.instant())) {
                err.println(EnrollCommand.PREFIX + pki.certificate() + " expired on " + notAfter
                        + "; ask the fleet for a new claim code");
            } else if (!request.force()) {
                out.println("already enrolled as " + subject(current) + ", serial "
                        + IssuedCertificate.serial(current) + ", valid until " + notAfter
                        + "; the console was not asked (--force with a new claim code enrolls again)");
                return ExitCodes.OK;
            }
            // A renewal: the new key waits beside the working one until the console signed it.
            keyFile = pki.nextKey();
        }
        KeyPair key = pki.keyAt(keyFile);
        String csr;
        try {
            csr = BoxKey.csr(key, request.identity().subject());
        } catch (GeneralSecurityException e) {
            throw EnrollException.environment(e.getMessage(), e);
        }
        pki.write(pki.csr(), csr);
        PendingEnrollment pending = new PendingEnrollment(request.console().toString(), request.claimCode(), csr,
                request.caSha256(), clock.instant(), request.identity(), pki.dir(), keyFile);
        pending.save(request.stateDir());
        return send(pending, key, request.stateDir(), request.timeout());
    }

    int finish(Path stateDir, Duration timeout) throws EnrollException {
        PendingEnrollment pending = PendingEnrollment.load(stateDir);
        if (pending == null) {
            out.println("nothing queued (no " + PendingEnrollment.file(stateDir) + ")");
            return ExitCodes.OK;
        }
        PkiDir pki = new PkiDir(pending.pkiDir());
        pki.prepare();
        if (!Files.exists(pending.keyFile())) {
            throw EnrollException.environment("the key the queued request was made with (" + pending.keyFile()
                    + ") is gone; run enroll again with the claim code", null);
        }
        out.println("sending the enrollment queued at " + pending.queuedAt() + " for " + pending.identity());
        return send(pending, pki.keyAt(pending.keyFile()), stateDir, timeout);
    }

    private int send(PendingEnrollment pending, KeyPair key, Path stateDir, Duration timeout)
            throws EnrollException {
        EnrollClient client = new EnrollClient(URI.create(pending.console()), timeout);
        ConsoleAnswer answer = client.enroll(pending.claimCode(), pending.csr());
        if (answer instanceof ConsoleAnswer.Later later) {
            out.println("queued: " + later.why() + ". The request is kept in " + PendingEnrollment.file(stateDir)
                    + "; run `classbox-provision enroll --finish` once the link is up.");
            return ExitCodes.QUEUED;
        }
        if (answer instanceof ConsoleAnswer.Refused refused) {
            PendingEnrollment.remove(stateDir);
            err.println(EnrollCommand.PREFIX + "the console refused the enrollment: " + refused.error()
                    + " (HTTP " + refused.status() + ")");
            return ExitCodes.FAILED;
        }
        ConsoleAnswer.Signed signed = (ConsoleAnswer.Signed) answer;
        X509Certificate certificate = IssuedCertificate.parse(signed.certificatePem(), "the console's certificate");
        X509Certificate ca = IssuedCertificate.parse(signed.caPem(), "the console's CA");
        try {
            IssuedCertificate.check(certificate, ca, key, pending.identity(), pending.caSha256());
        } catch (EnrollException e) {
            // The code is spent on the console's side: keeping the request would only be refused again.
            PendingEnrollment.remove(stateDir);
            throw e;
        }
        PkiDir pki = new PkiDir(pending.pkiDir());
        pki.store(pending.keyFile(), signed.certificatePem(), signed.caPem());
        PendingEnrollment.remove(stateDir);
        out.println("enrolled: " + subject(certificate));
        out.println("  serial    " + IssuedCertificate.serial(certificate));
        out.println("  notAfter  " + certificate.getNotAfter().toInstant());
        out.println("  broker    " + (signed.broker().isEmpty() ? "(the console named none)" : signed.broker()));
        out.println("  CA sha256 " + IssuedCertificate.sha256(ca));
        out.println("  files     " + pki.key() + ", " + pki.certificate() + ", " + pki.ca());
        String warning = IssuedCertificate.clockWarning(certificate, clock.instant());
        if (warning != null) {
            err.println(EnrollCommand.PREFIX + "warning: " + warning);
        }
        return ExitCodes.OK;
    }

    private static boolean matches(PkiDir pki, X509Certificate certificate) throws EnrollException {
        try {
            return BoxKey.matches(BoxKey.read(pki.key()), certificate.getPublicKey());
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw EnrollException.environment("cannot read " + pki.key() + ": " + e.getMessage(), e);
        }
    }

    private static String subject(X509Certificate certificate) {
        return org.bouncycastle.asn1.x500.X500Name.getInstance(
                certificate.getSubjectX500Principal().getEncoded()).toString();
    }
}
