"""The one exception type for refused user input and refused domain actions.

Its message is meant for the person at the keyboard: it says what was wrong and
what is allowed. The CLI prints it and exits non-zero; nothing has been written.
"""


class DomeinFout(Exception):
    pass
