package org.classbox.sim.link;

import io.netty.channel.ChannelOption;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection through the link: the box side (accepted) and the ground side (to the broker), with a delay line
 * each way. When one side ends, what it sent is still delivered before both are closed. Lives on the event loop that
 * accepted it; {@link #abort()} may be called from anywhere.
 */
final class ProxiedConnection {
    private static final Logger log = LoggerFactory.getLogger(ProxiedConnection.class);

    private final Context context;
    private final NetSocket box;
    private final NetSocket ground;
    private final DelayLine up;
    private final DelayLine down;
    private final Consumer<ProxiedConnection> onClosed;
    private boolean closed;

    /** Wires the two sockets together and starts forwarding; call on the box socket's event loop. */
    ProxiedConnection(Vertx vertx, LinkProfile profile, Wires wires, NetSocket box, NetSocket ground,
                      Consumer<ProxiedConnection> onClosed) {
        this.context = vertx.getOrCreateContext();
        this.box = box;
        this.ground = ground;
        this.onClosed = onClosed;
        this.up = new DelayLine(vertx, box, ground, wires.up(), profile, this::close);
        this.down = new DelayLine(vertx, ground, box, wires.down(), profile, this::close);
        box.exceptionHandler(e -> log.debug("box side of {} failed: {}", this, e.toString()));
        ground.exceptionHandler(e -> log.debug("ground side of {} failed: {}", this, e.toString()));
        box.closeHandler(v -> {
            down.cancel();
            up.sourceEnded();
        });
        ground.closeHandler(v -> {
            up.cancel();
            down.sourceEnded();
        });
        up.open();
        down.open();
        box.resume();
    }

    /** Drops the connection as a link outage would: bytes in flight are lost and both peers see a reset. */
    Future<Void> abort() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            if (!closed) {
                resetOnClose(box);
                resetOnClose(ground);
            }
            close().onComplete(done);
        });
        return done.future();
    }

    private Future<Void> close() {
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        up.cancel();
        down.cancel();
        Future<Void> closing = Future.all(box.close(), ground.close()).mapEmpty();
        onClosed.accept(this);
        return closing;
    }

    /** SO_LINGER 0 turns the close into a TCP reset, like a peer that vanished, instead of an orderly goodbye. */
    static void resetOnClose(NetSocket socket) {
        if (socket instanceof NetSocketInternal internal) {
            io.netty.channel.Channel channel = internal.channelHandlerContext().channel();
            try {
                if (channel.isOpen()) {
                    channel.config().setOption(ChannelOption.SO_LINGER, 0);
                }
            } catch (io.netty.channel.ChannelException alreadyClosed) {
                // The peer closed it between the check and the option: there is nothing left to reset.
            }
        }
    }

    @Override
    public String toString() {
        return "link connection " + box.remoteAddress() + " -> " + ground.remoteAddress();
    }
}
