#include "CLineEdit.h"
#include <histedit.h>
int kls_lineedit_available(void) { return 1; }
