package io.paperlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aBurstThenTwoASecondWithTheWaitSaid() {
        MutableClock clock = MutableClock.startingNow();
        RateLimit limit = new RateLimit(clock);
        for (int i = 0; i < RateLimit.BURST; i++) {
            assertTrue(limit.take(7).isZero());
        }
        assertEquals(Duration.ofMillis(500), limit.take(7));
        assertTrue(limit.take(8).isZero(), "another token has its own bucket");
        clock.advance(Duration.ofMillis(500));
        assertTrue(limit.take(7).isZero());
        assertEquals(Duration.ofMillis(500), limit.take(7));
    }

    @Test
    void memoryStaysBoundedAndForgetsOnlyTokensAtRest() {
        MutableClock clock = MutableClock.startingNow();
        RateLimit limit = new RateLimit(clock);
        for (int i = 0; i < RateLimit.BURST; i++) {
            limit.take(-1);
        }
        for (long id = 0; id < RateLimit.MAX_BUCKETS + 5_000; id++) {
            limit.take(id);
            if (id % 1000 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        assertTrue(limit.buckets() <= RateLimit.MAX_BUCKETS, "buckets: " + limit.buckets());
    }
}
