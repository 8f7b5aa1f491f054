# string: the constants and capwords are Go; Template is here.

import re as _re


class Template(object):
    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init__(self, template):
        self.template = template

    def _pattern(self):
        delim = _re.escape(self.delimiter)
        bid = self.braceidpattern or self.idpattern
        pat = (delim + r'(?:(?P<escaped>' + delim + r')|(?P<named>' + self.idpattern + r')|{(?P<braced>' +
               bid + r')}|(?P<invalid>))')
        return _re.compile(pat, self.flags)

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=None, **kws):
        values = dict()
        if mapping is not None:
            for k in mapping:
                values[k] = mapping[k]
        for k in kws:
            values[k] = kws[k]
        tmpl = self

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(values[named])
            if mo.group('escaped') is not None:
                return tmpl.delimiter
            if mo.group('invalid') is not None:
                tmpl._invalid(mo)
            raise ValueError('Unrecognized named group in pattern')
        return self._pattern().sub(convert, self.template)

    def safe_substitute(self, mapping=None, **kws):
        values = dict()
        if mapping is not None:
            for k in mapping:
                values[k] = mapping[k]
        for k in kws:
            values[k] = kws[k]
        tmpl = self

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                if named in values:
                    return str(values[named])
                return mo.group()
            if mo.group('escaped') is not None:
                return tmpl.delimiter
            return mo.group()
        return self._pattern().sub(convert, self.template)

    def get_identifiers(self):
        ids = []
        for mo in self._pattern().finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
        return ids

    def is_valid(self):
        for mo in self._pattern().finditer(self.template):
            if mo.group('invalid') is not None:
                return False
        return True
