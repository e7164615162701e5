// The system SQLite (libsqlite3-dev), which Anki's collections are stored in.
#ifndef RECALL_CSQLITE_SHIM_H
#define RECALL_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import.
static inline void (*recall_sqlite_transient(void))(void *) { return SQLITE_TRANSIENT; }

#endif
