select "code", "name", "path", "parent_code", "level" from "regions" where "parent_code" = $1 and "level" = $2 order by "code";

select "contact_name", "contact_phone" from "declarations" where "unit_code" = $1 and "plan_year" = $2;

select "f"."prefecture_code", "f"."area_class", "f"."bucket", sum("f"."communities") as "communities", sum("f"."households") as "households", sum("f"."buildings") as "buildings", sum("f"."floor_area_centi") as "floor_area_centi", sum("f"."investment_yuan") as "investment_yuan" from "plan_figures" as "f" where ("f"."region_path" >= $1 and "f"."region_path" < $2) and "f"."plan_year" = $3 group by "f"."prefecture_code", "f"."area_class", "f"."bucket" having sum("f"."communities") > $4;

select * from "plan_policies" where "plan_year" <= $1 order by "plan_year" desc limit $2;

select * from "regions" where "code" = $1;
