from govlint.entry import main

raise SystemExit(main())
