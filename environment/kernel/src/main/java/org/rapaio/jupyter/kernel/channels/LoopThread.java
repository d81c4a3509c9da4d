package org.rapaio.jupyter.kernel.channels;

/**
 * GenreLab's replacement for rapaio-jupyter-kernel 3.0.1's {@code LoopThread}, placed before the
 * kernel jar on the kernel's class path so that it shadows the original.
 *
 * <p>Why: 3.0.1's {@code start()} starts the thread first and sets its running flag afterwards. When
 * the new thread is scheduled before the flag is set (often, on a loaded 2-core machine), its loop
 * sees {@code running == false} and ends at once: the heartbeat or shell channel then never answers,
 * Jupyter waits for a kernel that will never be ready, and the JVM stays behind. Here the flag is set
 * before the thread starts.
 *
 * <p>Second race, same symptom: {@code Channels.connect} binds the sockets (starting these loops)
 * before it fills its message-handler map, so a {@code kernel_info_request} that arrives in between
 * throws a NullPointerException in the shell loop ("this.handlers is null", seen here about once in
 * 25 starts on a loaded machine), and in 3.0.1 any exception ends the loop for good. Here an
 * exception thrown by one pass of the loop body is reported and the loop goes on: Jupyter re-sends
 * {@code kernel_info_request} until it gets an answer, so the next one is served.
 * Same public API as the original (constructor, {@code start}, {@code run}, {@code shutdown}).
 */
public final class LoopThread extends Thread {

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public synchronized void start() {
        running = true; // before the thread exists: the loop below can never miss it
        super.start();
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                System.err.println("genrelab-kernel: " + getName() + ": " + e + " (the loop goes on)");
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    public void shutdown() {
        running = false;
    }
}
