namespace pairlab { int analyticsPlaceholder() { return 0; } }
