select "code", "name", "path", "parent_code", "level" from "regions" where "parent_code" = ? and "level" = ? order by "code";

select "contact_name", "contact_phone" from "declarations" where "unit_code" = ? and "plan_year" = ?;

select "f"."prefecture_code", "f"."area_class", "f"."bucket", sum("f"."communities") as "communities", sum("f"."households") as "households", sum("f"."buildings") as "buildings", sum("f"."floor_area_centi") as "floor_area_centi", sum("f"."investment_yuan") as "investment_yuan" from "plan_figures" as "f" where ("f"."region_path" >= ? and "f"."region_path" < ?) and "f"."plan_year" = ? group by "f"."prefecture_code", "f"."area_class", "f"."bucket" having sum("f"."communities") > ?;

select * from "plan_policies" where "plan_year" <= ? order by "plan_year" desc limit ?;

select * from "regions" where "code" = ?;
