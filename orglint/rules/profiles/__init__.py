"""Job profile rules, codes R101-R103 (R for role profiles): set templates and their corporately
agreed responsibilities."""
