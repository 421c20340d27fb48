#pragma once

// The two BulkStore implementations, made by BulkStore::attach() from a connection's native handle.
#include "storage/bulk_store.h"

namespace pairlab {

std::unique_ptr<BulkStore> makeSqliteBulkStore(void *sqlite3Handle);
std::unique_ptr<BulkStore> makePostgresBulkStore(void *pgConn);

} // namespace pairlab
