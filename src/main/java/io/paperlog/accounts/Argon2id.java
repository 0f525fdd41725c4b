package io.paperlog.accounts;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id, version 1.3 (RFC 9106), by Bouncy Castle's generator. Not password4j's, which we used before: it kept a
 * zeroed copy of the whole memory (19 MB) for every parameter set it ever saw, for the life of the process, on top
 * of the 19 MB each hash fills, which a 64 MB heap cannot spare. Here the memory lives only while one hash is
 * computed. The tests check hashes both ways against password4j, so stored hashes keep verifying.
 */
record Argon2id(int memoryKib, int iterations, int parallelism, int outputBytes) {

    Argon2id {
        if (parallelism < 1 || parallelism > 255 || iterations < 1 || iterations > 64 || outputBytes < 4
                || outputBytes > 1024 || memoryKib < 8 * parallelism || memoryKib > 1 << 20) {
            throw new IllegalArgumentException("argon2id parameters out of range");
        }
    }

    byte[] hash(byte[] password, byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[outputBytes];
        generator.generateBytes(password, out);
        return out;
    }
}
