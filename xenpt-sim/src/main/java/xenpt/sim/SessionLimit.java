package xenpt.sim;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * Session channels limited per connection the way OpenSSH's {@code MaxSessions} limits them: a channel above the
 * limit is refused with "administratively prohibited" and the connection stays up (MINA's own channel limit closes
 * the whole connection instead, which no real host does).
 */
final class SessionLimit implements ChannelFactory {

    private static final AttributeKey<AtomicInteger> OPEN = new AttributeKey<>();

    private final int max;

    SessionLimit(int max) {
        this.max = max;
    }

    @Override
    public String getName() {
        return "session";
    }

    @Override
    public Channel createChannel(Session session) {
        return new Limited();
    }

    private final class Limited extends ChannelSession {
        @Override
        public OpenFuture open(long recipient, long rwSize, long packetSize, Buffer buffer) {
            AtomicInteger open = getSession().computeAttributeIfAbsent(OPEN, k -> new AtomicInteger());
            if (open.incrementAndGet() > max) {
                open.decrementAndGet();
                DefaultOpenFuture refused = new DefaultOpenFuture(this, futureLock);
                refused.setException(new SshChannelOpenException(getChannelId(),
                        SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "open failed"));
                return refused;
            }
            addChannelListener(new ChannelListener() {
                @Override
                public void channelClosed(Channel channel, Throwable reason) {
                    open.decrementAndGet();
                }
            });
            return super.open(recipient, rwSize, packetSize, buffer);
        }
    }
}
