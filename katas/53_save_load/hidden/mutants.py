"""Kata 53's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    (("    def _flatten_params(self, params_dict, parent_key=''):",
      "                value._flatten_params(params_dict, prefix + name)\n\n",
      "        params_dict = {}\n        self._flatten_params(params_dict)\n        for key, param in"),
     ("    def _flatten_params(self, params_dict={}, parent_key=''):",
      "                value._flatten_params(params_dict, prefix + name)\n        return params_dict\n\n",
      "        params_dict = self._flatten_params()\n        for key, param in"),
     "_flatten_params fills a mutable default dict, which save_weights uses: every model's names pile up"),
    ("params_dict[prefix + name] = value", "params_dict[name] = value",
     "save_weights with unflattened names (W, b without the path)"),
    ("prefix = parent_key + '/' if parent_key else ''", "prefix = parent_key + '.' if parent_key else ''",
     "names joined with '.' instead of '/'"),
    ("                value._flatten_params(params_dict, prefix + name)", "                pass",
     "_flatten_params does not descend into sublayers"),
    ("        for key, param in params_dict.items():\n            if key not in arrays:\n"
     "                raise ValueError(", "        for key, param in list(params_dict.items()):\n"
     "            if key not in arrays:\n                del params_dict[key]\n                continue\n"
     "                raise ValueError(", "load_weights skips the names the file lacks"),
]

VARIANTS = [
    # The book's style, with the checks this kata asks for
    ("""        prefix = parent_key + '/' if parent_key else ''
        for name in self._params:
            value = self.__dict__[name]
            if isinstance(value, Parameter):
                params_dict[prefix + name] = value
            else:  # a sublayer
                value._flatten_params(params_dict, prefix + name)
""", """        for name in self._params:
            obj = self.__dict__[name]
            key = parent_key + '/' + name if parent_key else name
            if isinstance(obj, Layer):
                obj._flatten_params(params_dict, key)
            else:
                params_dict[key] = obj
""", "the book's _flatten_params"),
    ("""        params_dict = {}
        self._flatten_params(params_dict)
        for key, param in params_dict.items():
            if param.data is None:""", """        self.to_cpu()
        params_dict = {}
        self._flatten_params(params_dict)
        array_dict = {key: param.data for key, param in params_dict.items() if param is not None}
        try:
            np.savez_compressed(path, **array_dict)
        except (Exception, KeyboardInterrupt):
            if os.path.exists(path):
                os.remove(path)
            raise
        return
        for key, param in params_dict.items():
            if param.data is None:""", "the book's save_weights"),
    ("""        path = os.fspath(path)
        if not os.path.exists(path) and os.path.exists(path + '.npz'):
            path += '.npz'
        params_dict = {}""", """        npz = np.load(path)
        params_dict = {}
        self._flatten_params(params_dict)
        for key in npz.files:
            if key not in params_dict:
                raise KeyError(key + ' is not a parameter of this model')
        for key, param in params_dict.items():
            if param.data is not None and npz[key].shape != param.data.shape:
                raise ValueError('{}: shape {} in the file, {} in the model'.format(key, npz[key].shape,
                                                                                  param.data.shape))
            param.data = npz[key]
        return
        params_dict = {}""", "the book's load_weights with the checks added (KeyError from npz for a missing name)"),
]

DIAGNOSES = {
    "_flatten_params fills a mutable default dict, which save_weights uses: every model's names pile up": (
        ("the keys of the MLP's file, saved second", "A dict written as a default argument (params_dict={})"),
        ("기본 인수(params_dict={})",), None),
    "save_weights with unflattened names (W, b without the path)": (
        ("got ['W', 'b']", "Names without the path ('W', 'b') collide"), ("경로 없이 'W', 'b'만 쓰면 이름이 겹칩니다",), None),
    "names joined with '.' instead of '/'": (("got ['l0.W', 'l0.b', 'l1.W', 'l1.b']", "joined with '/'"),
                                             ("'/'로 이어 붙이고",), None),
    "_flatten_params does not descend into sublayers": (
        ("got []", "a sublayer's parameters take the sublayer's attribute name as a prefix"),
        ("하위 계층의 매개변수 이름 앞에는",), None),
    "load_weights skips the names the file lacks": (
        ("it must raise an error that names the parameter", "a name the file lacks must not be skipped"),
        ("파일에 없는 이름을 건너뛰면",), None),
}
