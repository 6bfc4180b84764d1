/* Fixed-arity wrappers around libedit's varargs calls, which Swift cannot call directly
   (../shared/notes/libedit-and-sqlite.md). Only LineEditor imports this module. */
#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <histedit.h>

static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline FILE *shim_stderr(void) { return stderr; }
