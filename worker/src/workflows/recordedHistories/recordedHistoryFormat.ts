/**
 * Recorded histories are protobufjs `toObject` JSON (enum names, 64-bit numbers and bytes as
 * strings), read back with `History.fromObject`. Not the protojson of `historyToJSON`: that
 * helper trips over the second protobufjs copy under @temporalio/common in this install.
 */
export const RECORDED_HISTORY_FORMAT = { enums: String, longs: String, bytes: String } as const;
