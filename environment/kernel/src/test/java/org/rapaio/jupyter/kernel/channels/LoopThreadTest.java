package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.genrelab.kernel.KernelMain;
import org.junit.jupiter.api.Test;

class LoopThreadTest {

    @Test
    void theFixedClassShadowsTheKernelsOwn() {
        // the kernel spec puts our jar first; here target/classes precedes the kernel jar the same way
        assertEquals(KernelMain.class.getProtectionDomain().getCodeSource(),
                LoopThread.class.getProtectionDomain().getCodeSource());
    }

    @Test
    void everyStartedLoopRunsItsBodyEvenWhenScheduledAtOnce() throws InterruptedException {
        // 3.0.1's start() set the running flag after Thread.start(): a thread scheduled at once saw
        // running == false and ended without running its body (measured here: about 1 loop in 10 of 500
        // never ran with the original class). Start many and require every body to run.
        int n = 500;
        CountDownLatch ran = new CountDownLatch(n);
        AtomicInteger bodies = new AtomicInteger();
        LoopThread[] threads = new LoopThread[n];
        for (int i = 0; i < n; i++) {
            CountDownLatch once = new CountDownLatch(1);
            threads[i] = new LoopThread("t" + i, 50, () -> {
                bodies.incrementAndGet();
                if (once.getCount() == 1) {
                    once.countDown();
                    ran.countDown();
                }
            });
            threads[i].start();
        }
        boolean all = ran.await(30, TimeUnit.SECONDS);
        for (LoopThread t : threads) t.shutdown();
        for (LoopThread t : threads) t.join(5000);
        assertTrue(all, (n - ran.getCount()) + " of " + n + " loops ran their body");
        for (LoopThread t : threads) assertFalse(t.isAlive(), t.getName() + " did not stop after shutdown()");
    }

    @Test
    void anExceptionInOnePassDoesNotEndTheLoop() throws InterruptedException {
        // 3.0.1: a kernel_info_request served before Channels.connect filled its handler map threw
        // a NullPointerException in the shell loop, which ended it; the kernel never answered again
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(1);
        LoopThread t = new LoopThread("shell", 1, () -> {
            if (passes.incrementAndGet() == 1) throw new NullPointerException("this.handlers is null");
            if (passes.get() == 3) third.countDown();
        });
        t.start();
        assertTrue(third.await(10, TimeUnit.SECONDS), "the loop went on after the exception: " + passes.get() + " passes");
        t.shutdown();
        t.join(2000);
        assertFalse(t.isAlive());
    }

    @Test
    void interruptEndsTheLoop() throws InterruptedException {
        LoopThread t = new LoopThread("i", 50, () -> { });
        t.start();
        t.interrupt();
        t.join(2000);
        assertFalse(t.isAlive());
    }
}
