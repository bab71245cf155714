package xenpt.apply;

import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The one reboot of an apply that may be under way: hosts take turns, so the fleet never has more than one host down
 * at a time. A host that did not come back is still down, so after it no other host of the apply reboots.
 */
final class RebootSlot {

    private final Semaphore one = new Semaphore(1);
    private volatile String lost;

    /** Waits for the turn of {@code host}. @throws ApplyException when a host of this apply did not come back */
    void enter(String host, Consumer<String> progress) throws ApplyException, InterruptedException {
        refuseAfterLoss(host);
        if (!one.tryAcquire()) {
            progress.accept(host + ": waiting for another host to finish rebooting");
            one.acquire();
        }
        try {
            refuseAfterLoss(host);
        } catch (ApplyException e) {
            one.release();
            throw e;
        }
    }

    /** Ends the turn; {@code back}: the host answered again after its reboot. */
    void leave(String host, boolean back) {
        if (!back) lost = host;
        one.release();
    }

    private void refuseAfterLoss(String host) throws ApplyException {
        String gone = lost;
        if (gone != null) {
            throw new ApplyException(host + ": not rebooted: " + gone + " did not come back from its reboot in this apply,"
                    + " and one host down at a time is the limit");
        }
    }
}
