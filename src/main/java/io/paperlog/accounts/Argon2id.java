package io.paperlog.accounts;

/**
 * Argon2id, version 1.3 (RFC 9106), lanes computed one after another, without a secret or associated data. Its
 * own rather than a library's: the one we had kept a zeroed copy of the whole memory (19 MB) for every parameter
 * set it ever saw, for the life of the process, on top of the 19 MB each hash fills, which a 64 MB heap cannot
 * spare. Here the memory lives only while one hash is computed. Checked against that library in the tests.
 */
record Argon2id(int memoryKib, int iterations, int parallelism, int outputBytes) {

    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;
    private static final int QWORDS = 128;
    private static final int SYNC_POINTS = 4;

    Argon2id {
        if (parallelism < 1 || parallelism > 255 || iterations < 1 || iterations > 64 || outputBytes < 4
                || outputBytes > 1024 || memoryKib < 8 * parallelism || memoryKib > 1 << 20) {
            throw new IllegalArgumentException("argon2id parameters out of range");
        }
    }

    byte[] hash(byte[] password, byte[] salt) {
        int segmentLength = memoryKib / (SYNC_POINTS * parallelism);
        int laneLength = segmentLength * SYNC_POINTS;
        long[][] memory = new long[laneLength * parallelism][QWORDS];
        byte[] h0 = new Blake2b(64).updateInt(parallelism).updateInt(outputBytes).updateInt(memoryKib)
                .updateInt(iterations).updateInt(VERSION).updateInt(TYPE_ID).updateInt(password.length).update(password)
                .updateInt(salt.length).update(salt).updateInt(0).updateInt(0).digest();
        for (int lane = 0; lane < parallelism; lane++) {
            for (int column = 0; column < 2; column++) {
                byte[] seed = new byte[72];
                System.arraycopy(h0, 0, seed, 0, 64);
                putInt(seed, 64, column);
                putInt(seed, 68, lane);
                toLongs(variableHash(seed, 1024), memory[lane * laneLength + column]);
            }
        }
        Filler filler = new Filler(memory, laneLength, segmentLength);
        for (int pass = 0; pass < iterations; pass++) {
            for (int slice = 0; slice < SYNC_POINTS; slice++) {
                for (int lane = 0; lane < parallelism; lane++) {
                    filler.fillSegment(pass, slice, lane);
                }
            }
        }
        long[] last = memory[laneLength - 1].clone();
        for (int lane = 1; lane < parallelism; lane++) {
            long[] block = memory[lane * laneLength + laneLength - 1];
            for (int i = 0; i < QWORDS; i++) {
                last[i] ^= block[i];
            }
        }
        byte[] lastBytes = new byte[1024];
        for (int i = 0; i < QWORDS; i++) {
            for (int b = 0; b < 8; b++) {
                lastBytes[8 * i + b] = (byte) (last[i] >>> (8 * b));
            }
        }
        return variableHash(lastBytes, outputBytes);
    }

    /** H' of RFC 9106: BLAKE2b stretched to any length. */
    static byte[] variableHash(byte[] input, int length) {
        if (length <= 64) {
            return new Blake2b(length).updateInt(length).update(input).digest();
        }
        byte[] out = new byte[length];
        byte[] v = new Blake2b(64).updateInt(length).update(input).digest();
        int written = 0;
        while (length - written > 64) {
            System.arraycopy(v, 0, out, written, 32);
            written += 32;
            v = new Blake2b(Math.min(64, length - written > 64 ? 64 : length - written)).update(v).digest();
        }
        System.arraycopy(v, 0, out, written, length - written);
        return out;
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private static void toLongs(byte[] bytes, long[] block) {
        for (int i = 0; i < QWORDS; i++) {
            block[i] = Blake2b.littleEndianLong(bytes, 8 * i);
        }
    }

    /** Fills the memory segment by segment: the compression function G and the choice of reference blocks. */
    private final class Filler {

        private final long[][] memory;
        private final int laneLength;
        private final int segmentLength;
        private final long[] r = new long[QWORDS];
        private final long[] z = new long[QWORDS];
        private final long[] address = new long[QWORDS];
        private final long[] input = new long[QWORDS];
        private final long[] zero = new long[QWORDS];

        Filler(long[][] memory, int laneLength, int segmentLength) {
            this.memory = memory;
            this.laneLength = laneLength;
            this.segmentLength = segmentLength;
        }

        void fillSegment(int pass, int slice, int lane) {
            boolean independent = pass == 0 && slice < 2;
            if (independent) {
                java.util.Arrays.fill(input, 0);
                input[0] = pass;
                input[1] = lane;
                input[2] = slice;
                input[3] = memory.length;
                input[4] = iterations;
                input[5] = TYPE_ID;
            }
            int start = 0;
            if (pass == 0 && slice == 0) {
                start = 2;
                if (independent) {
                    nextAddresses();
                }
            }
            int current = lane * laneLength + slice * segmentLength + start;
            int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
            for (int index = start; index < segmentLength; index++, current++, previous++) {
                if (current % laneLength == 1) {
                    previous = current - 1;
                }
                long pseudoRandom;
                if (independent) {
                    if (index % QWORDS == 0) {
                        nextAddresses();
                    }
                    pseudoRandom = address[index % QWORDS];
                } else {
                    pseudoRandom = memory[previous][0];
                }
                int referenceLane = (pass == 0 && slice == 0) ? lane
                        : (int) Long.remainderUnsigned(pseudoRandom >>> 32, parallelism);
                int reference = referenceIndex(pass, slice, index, pseudoRandom & 0xffffffffL, referenceLane == lane);
                compress(memory[previous], memory[referenceLane * laneLength + reference], memory[current],
                        pass > 0);
            }
        }

        private int referenceIndex(int pass, int slice, int index, long pseudoRandom, boolean sameLane) {
            long area;
            if (pass == 0) {
                area = slice == 0 ? index - 1
                        : sameLane ? (long) slice * segmentLength + index - 1
                        : (long) slice * segmentLength + (index == 0 ? -1 : 0);
            } else {
                area = sameLane ? laneLength - segmentLength + index - 1
                        : laneLength - segmentLength + (index == 0 ? -1 : 0);
            }
            long relative = (pseudoRandom * pseudoRandom) >>> 32;
            relative = area - 1 - ((area * relative) >>> 32);
            long startPosition = pass != 0 && slice != SYNC_POINTS - 1 ? (long) (slice + 1) * segmentLength : 0;
            return (int) ((startPosition + relative) % laneLength);
        }

        private void nextAddresses() {
            input[6]++;
            compress(zero, input, address, false);
            compress(zero, address, address, false);
        }

        /** next = G(x, y), or next ^= G(x, y) from the second pass on. */
        private void compress(long[] x, long[] y, long[] next, boolean xorInto) {
            for (int i = 0; i < QWORDS; i++) {
                r[i] = x[i] ^ y[i];
                z[i] = xorInto ? r[i] ^ next[i] : r[i];
            }
            for (int i = 0; i < 8; i++) {
                permute(16 * i, 16 * i + 1, 16 * i + 2, 16 * i + 3, 16 * i + 4, 16 * i + 5, 16 * i + 6, 16 * i + 7,
                        16 * i + 8, 16 * i + 9, 16 * i + 10, 16 * i + 11, 16 * i + 12, 16 * i + 13, 16 * i + 14,
                        16 * i + 15);
            }
            for (int i = 0; i < 8; i++) {
                permute(2 * i, 2 * i + 1, 2 * i + 16, 2 * i + 17, 2 * i + 32, 2 * i + 33, 2 * i + 48, 2 * i + 49,
                        2 * i + 64, 2 * i + 65, 2 * i + 80, 2 * i + 81, 2 * i + 96, 2 * i + 97, 2 * i + 112,
                        2 * i + 113);
            }
            for (int i = 0; i < QWORDS; i++) {
                next[i] = z[i] ^ r[i];
            }
        }

        private void permute(int v0, int v1, int v2, int v3, int v4, int v5, int v6, int v7,
                             int v8, int v9, int v10, int v11, int v12, int v13, int v14, int v15) {
            mix(v0, v4, v8, v12);
            mix(v1, v5, v9, v13);
            mix(v2, v6, v10, v14);
            mix(v3, v7, v11, v15);
            mix(v0, v5, v10, v15);
            mix(v1, v6, v11, v12);
            mix(v2, v7, v8, v13);
            mix(v3, v4, v9, v14);
        }

        private void mix(int a, int b, int c, int d) {
            r[a] = blaMka(r[a], r[b]);
            r[d] = Long.rotateRight(r[d] ^ r[a], 32);
            r[c] = blaMka(r[c], r[d]);
            r[b] = Long.rotateRight(r[b] ^ r[c], 24);
            r[a] = blaMka(r[a], r[b]);
            r[d] = Long.rotateRight(r[d] ^ r[a], 16);
            r[c] = blaMka(r[c], r[d]);
            r[b] = Long.rotateRight(r[b] ^ r[c], 63);
        }

        private static long blaMka(long x, long y) {
            return x + y + 2 * (x & 0xffffffffL) * (y & 0xffffffffL);
        }
    }
}
