// The system zstd library (libzstd-dev): current Anki packages compress their collection and
// media with it.
#ifndef RECALL_CZSTD_SHIM_H
#define RECALL_CZSTD_SHIM_H

#include <zstd.h>

#endif
