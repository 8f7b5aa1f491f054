# expect: error SystemExit
raise SystemExit('bye')
